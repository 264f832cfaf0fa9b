/** Interface strings of the page shell: its name, the language toggle, the tools in the header, load errors. Arabic is the reference; English has the same keys. */
const ar = {
  app: {
    name: 'مرصد',
    tagline: 'متابعة مشاريع التنمية في المحافظات',
    skipToMap: 'تخطَّ إلى الخريطة',
    sidebar: 'المؤشرات والتصفية',
    showSidebar: 'المؤشرات والتصفية',
    menu: 'القائمة',
    menuLabel: 'فتح قائمة الشاشات والحساب',
  },
  language: {
    switchTo: 'English',
    switchToLabel: 'التبديل إلى الإنجليزية',
  },
  tools: {
    admin: 'الإدارة',
    import: 'استيراد',
    newProject: 'مشروع جديد',
    editProject: 'تعديل المشروع',
  },
  errors: {
    boundaries:
      'تعذّر تحميل حدود المحافظات من الخادم ({{detail}}). تأكد من أن خادم مرصد يعمل ثم أعد تحميل الصفحة.',
    data: 'تعذّر تحميل البيانات ({{detail}}). تأكد من أن خادم مرصد يعمل ثم حاول مجددًا.',
  },
};

const en: typeof ar = {
  app: {
    name: 'Marsad',
    tagline: 'Tracking development projects across governorates',
    skipToMap: 'Skip to the map',
    sidebar: 'Indicators and filters',
    showSidebar: 'Indicators and filters',
    menu: 'Menu',
    menuLabel: 'Open the screens and account menu',
  },
  language: {
    switchTo: 'العربية',
    switchToLabel: 'Switch to Arabic',
  },
  tools: {
    admin: 'Administration',
    import: 'Import',
    newProject: 'New project',
    editProject: 'Edit project',
  },
  errors: {
    boundaries:
      'Could not load the governorate boundaries from the server ({{detail}}). Check that the Marsad server is running, then reload the page.',
    data: 'Could not load the data ({{detail}}). Check that the Marsad server is running, then try again.',
  },
};

export const appMessages = { ar, en };
