/** The names of the fixed vocabularies (`data/vocabulary.ts`), by the same keys. Arabic is the reference; English has the same keys. */
const ar = {
  kind: {
    development_project: 'مشروع تنموي',
    industrial_zone: 'منطقة صناعية',
    craft_zone: 'منطقة حرفية',
    service_centre: 'مركز خدمات',
  },
  sector: {
    water: 'المياه',
    electricity: 'الكهرباء',
    roads: 'الطرق',
    education: 'التعليم',
    health: 'الصحة',
    housing: 'الإسكان',
    agriculture: 'الزراعة',
    industry: 'الصناعة',
    crafts: 'الحرف',
    municipal: 'الخدمات البلدية',
    environment: 'البيئة',
    social: 'الشؤون الاجتماعية',
  },
  status: {
    planned: 'مخطط',
    tendering: 'قيد التعاقد',
    in_progress: 'قيد التنفيذ',
    suspended: 'متوقف',
    completed: 'منجز',
    cancelled: 'ملغى',
  },
};

const en: typeof ar = {
  kind: {
    development_project: 'Development project',
    industrial_zone: 'Industrial zone',
    craft_zone: 'Craft zone',
    service_centre: 'Service centre',
  },
  sector: {
    water: 'Water',
    electricity: 'Electricity',
    roads: 'Roads',
    education: 'Education',
    health: 'Health',
    housing: 'Housing',
    agriculture: 'Agriculture',
    industry: 'Industry',
    crafts: 'Crafts',
    municipal: 'Municipal services',
    environment: 'Environment',
    social: 'Social affairs',
  },
  status: {
    planned: 'Planned',
    tendering: 'Tendering',
    in_progress: 'In progress',
    suspended: 'Suspended',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
};

export const vocabularyMessages = { ar, en };
