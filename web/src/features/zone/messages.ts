/** Interface strings of the zone panel. Arabic is the reference; English has the same keys. */
const ar = {
  zone: {
    heading: 'منطقة صناعية أو حرفية',
    plotsTotal: 'المقاسم',
    plotsAllocated: 'المقاسم المخصصة',
    plotsInProduction: 'المقاسم المنتجة',
    plotsSummary: 'مخصص {{allocated}} من {{total}} مقسمًا',
    area: 'المساحة',
    hectares: '{{formatted}} هكتار',
    development: 'نوع التطوير',
    utilities: 'جاهزية المرافق',
    water: 'المياه',
    electricity: 'الكهرباء',
    roads: 'الطرق',
    sewage: 'الصرف الصحي',
    openProject: 'كل تفاصيل المشروع',
  },
};

const en: typeof ar = {
  zone: {
    heading: 'Industrial or craft zone',
    plotsTotal: 'Plots',
    plotsAllocated: 'Plots allocated',
    plotsInProduction: 'Plots in production',
    plotsSummary: '{{allocated}} of {{total}} plots allocated',
    area: 'Area',
    hectares: '{{formatted}} ha',
    development: 'Development',
    utilities: 'Utilities readiness',
    water: 'Water',
    electricity: 'Electricity',
    roads: 'Roads',
    sewage: 'Sewage',
    openProject: 'All project details',
  },
};

export const zoneMessages = { ar, en };
