/** Interface strings of signing in and out, and of the roles. Arabic is the reference; English has the same keys. */
const ar = {
  auth: {
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    dialogTitle: 'تسجيل الدخول إلى مرصد',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    submit: 'دخول',
    submitting: 'جارٍ الدخول…',
    cancel: 'إلغاء',
    signedInAs: 'المستخدم الحالي',
    tooMany: 'محاولات كثيرة خاطئة: {{detail}}',
    failed: 'تعذّر تسجيل الدخول: {{detail}}',
    needsConnection: 'تسجيل الدخول يحتاج إلى اتصال بالشبكة، ولا اتصال الآن. حاول مجددًا حين يعود الاتصال.',
    role: {
      admin: 'مدير النظام',
      minister: 'الوزير',
      viewer: 'مطّلع',
      planner: 'مخطِّط',
      engineer: 'مهندس المحافظة',
      donor: 'جهة مانحة',
    },
  },
};

const en: typeof ar = {
  auth: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    dialogTitle: 'Sign in to Marsad',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    cancel: 'Cancel',
    signedInAs: 'Signed in',
    tooMany: 'Too many failed attempts: {{detail}}',
    failed: 'Could not sign in: {{detail}}',
    needsConnection: 'Signing in needs a network connection, and there is none now. Try again when the connection returns.',
    role: {
      admin: 'Administrator',
      minister: 'Minister',
      viewer: 'Viewer',
      planner: 'Planner',
      engineer: 'Governorate engineer',
      donor: 'Donor',
    },
  },
};

export const accountMessages = { ar, en };
