/** Interface strings of "prepare for the field". */
const ar = {
  title: 'العمل الميداني دون اتصال',
  prepare: 'التحضير للعمل الميداني',
  estimating: 'جارٍ حساب الحجم…',
  estimate: '{{projects}} مشروعًا و{{zones}} منطقة في {{governorates}}: نحو {{size}} من البيانات و{{tiles}} بلاطة خريطة (حتى التكبير {{zoom}}).',
  download: 'تنزيل',
  cancel: 'إلغاء',
  phaseData: 'البيانات: {{done}} من {{total}}',
  phaseTiles: 'بلاطات الخريطة: {{done}} من {{total}}',
  prepared: 'حُضّر للعمل الميداني في {{time}}: {{projects}} مشروعًا في {{governorates}}، {{size}}.',
  notPrepared: 'لم يُحضَّر هذا الجهاز للعمل دون اتصال بعد: نزّل مشاريع محافظاتك وخرائطها قبل الخروج إلى الميدان.',
  refreshing: 'تغيّرت البيانات منذ التحضير: جارٍ التحديث…',
  refresh: 'تحديث',
  failed: 'تعذّر التحضير: {{detail}}',
  needsConnection: 'التحضير يحتاج إلى اتصال بالشبكة.',
  megabytes: '{{value}} ميغابايت',
};

const en: typeof ar = {
  title: 'Field work offline',
  prepare: 'Prepare for the field',
  estimating: 'Weighing the download…',
  estimate: '{{projects}} projects and {{zones}} zones in {{governorates}}: about {{size}} of data and {{tiles}} map tiles (to zoom {{zoom}}).',
  download: 'Download',
  cancel: 'Cancel',
  phaseData: 'Data: {{done}} of {{total}}',
  phaseTiles: 'Map tiles: {{done}} of {{total}}',
  prepared: 'Prepared for the field on {{time}}: {{projects}} projects in {{governorates}}, {{size}}.',
  notPrepared: 'This device is not prepared to work offline yet: download your governorates\' projects and maps before going to the field.',
  refreshing: 'The data changed since it was prepared: refreshing…',
  refresh: 'Refresh',
  failed: 'Could not prepare: {{detail}}',
  needsConnection: 'Preparing needs a network connection.',
  megabytes: '{{value}} MB',
};

export const fieldMessages = { ar, en };
