/** Interface strings of the governorate panel (`panel.close` also closes every side panel). Arabic is the reference; English has the same keys. */
const ar = {
  panel: {
    heading: 'المحافظة المختارة',
    hint: 'اختر محافظة على الخريطة لعرض بياناتها.',
    code: 'الرمز',
    kind: 'النوع',
    country: 'الدولة',
    close: 'إغلاق',
    statusChart: 'المشاريع حسب الحالة',
    timeline: 'تطور الإنجاز خلال ٣٦ شهرًا',
    timelineProgress: 'الإنجاز المرجّح',
    timelineEmpty: 'لا تقارير إنجاز في هذه الفترة.',
    projects: 'مشاريع المحافظة',
    sortBy: 'ترتيب حسب',
    more: 'عرض المزيد',
    noProjects: 'لا مشاريع تطابق التصفية.',
    shown: 'يُعرض {{shown}} من {{total}}',
    loading: 'جارٍ التحميل…',
  },
};

const en: typeof ar = {
  panel: {
    heading: 'Selected governorate',
    hint: 'Select a governorate on the map to see its details.',
    code: 'Code',
    kind: 'Type',
    country: 'Country',
    close: 'Close',
    statusChart: 'Projects by status',
    timeline: 'Progress over the last 36 months',
    timelineProgress: 'Weighted progress',
    timelineEmpty: 'No progress reports in this period.',
    projects: 'Projects in this governorate',
    sortBy: 'Sort by',
    more: 'Show more',
    noProjects: 'No project matches the filters.',
    shown: 'Showing {{shown}} of {{total}}',
    loading: 'Loading…',
  },
};

export const governorateMessages = { ar, en };
