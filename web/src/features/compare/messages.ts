/** The ranking of governorates (`t('compare.…')`, added by CompareSection). Arabic is the reference; English has the same keys. */
const ar = {
  heading: 'مقارنة المحافظات',
  open: 'رتّب المحافظات',
  rank: 'الترتيب',
  governorate: 'المحافظة',
  national: 'المستوى الوطني — {{country}}',
  nationalTotal: 'الإجمالي الوطني — {{country}}',
  nationalMark: 'الخط: المستوى الوطني',
  noProjects: 'لا مشاريع',
  noValue: 'غير متاح',
  caption: 'المحافظات مرتّبة حسب {{column}}، {{direction}}',
  order: {
    '-value': 'من الأعلى إلى الأدنى',
    value: 'من الأدنى إلى الأعلى',
    name: 'أبجديًا',
    '-name': 'أبجديًا بالعكس',
  },
  loading: 'جارٍ التحميل…',
};

const en: typeof ar = {
  heading: 'Compare governorates',
  open: 'Rank the governorates',
  rank: 'Rank',
  governorate: 'Governorate',
  national: 'National — {{country}}',
  nationalTotal: 'National total — {{country}}',
  nationalMark: 'Line: the national level',
  noProjects: 'no projects',
  noValue: 'not available',
  caption: 'Governorates ranked by {{column}}, {{direction}}',
  order: {
    '-value': 'highest first',
    value: 'lowest first',
    name: 'A to Z',
    '-name': 'Z to A',
  },
  loading: 'Loading…',
};

export const compareMessages = { ar, en };
