/** Interface strings of the "Print brief" links (governorate panel, national overview, a meeting's agenda pack). Arabic is the reference. */
const ar = {
  title: 'موجز للطباعة',
  arabic: 'طباعة الموجز (عربي)',
  english: 'طباعة الموجز (إنجليزي)',
  country: 'موجز {{name}}',
  signIn: 'سجّل الدخول لطباعة الموجز.',
  hint: 'ملف PDF يُعدّ من البيانات الحالية؛ قد يستغرق بضع ثوانٍ.',
  preparing: 'جارٍ إعداد الموجز…',
  offline: 'لا ردّ من الخادم: تحقّق من الاتصال ثم حاول مجددًا.',
  notPdf: 'ردّ الخادم ليس ملف PDF: هل يُوجَّه ‎/api‎ إلى واجهة مرصد؟',
  refused: 'لم يُطبع الموجز: ردّ الخادم بالرمز {{status}}.',
  retryIn: 'حاول مجددًا بعد {{n}} ثانية.',
};

const en: typeof ar = {
  title: 'Printable brief',
  arabic: 'Print brief (Arabic)',
  english: 'Print brief (English)',
  country: 'Brief for {{name}}',
  signIn: 'Sign in to print a brief.',
  hint: 'A PDF made from the current data; it may take a few seconds.',
  preparing: 'Preparing the brief…',
  offline: 'No answer from the server: check the connection, then try again.',
  notPdf: 'The server’s answer is not a PDF: is /api routed to the Marsad API?',
  refused: 'The brief was not printed: the server answered HTTP {{status}}.',
  retryIn: 'Try again in {{n}} seconds.',
};

export const briefMessages = { ar, en };
