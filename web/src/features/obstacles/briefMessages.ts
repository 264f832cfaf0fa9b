/** Interface strings of the "Print brief" links (governorate panel and the national overview). Arabic is the reference. */
const ar = {
  title: 'موجز للطباعة',
  arabic: 'طباعة الموجز (عربي)',
  english: 'طباعة الموجز (إنجليزي)',
  country: 'موجز {{name}}',
  signIn: 'سجّل الدخول لطباعة الموجز.',
  hint: 'ملف PDF يُعدّ من البيانات الحالية؛ قد يستغرق بضع ثوانٍ.',
};

const en: typeof ar = {
  title: 'Printable brief',
  arabic: 'Print brief (Arabic)',
  english: 'Print brief (English)',
  country: 'Brief for {{name}}',
  signIn: 'Sign in to print a brief.',
  hint: 'A PDF made from the current data; it may take a few seconds.',
};

export const briefMessages = { ar, en };
