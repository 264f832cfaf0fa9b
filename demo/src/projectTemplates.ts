/**
 * Title templates for projects, bilingual, in the style of real municipal project names.
 * Slots: {place} = "town, governorate" (or the governorate alone for its main city),
 * {town} / {town2} = town names, {nb} = a neighbourhood, {n} = a number of housing units.
 */
export type ShapeKind = 'point' | 'line' | 'polygon';

export interface ProjectTemplate {
  sector: string;
  shape: ShapeKind;
  en: string;
  ar: string;
  /** Line length in metres, or polygon area in m²; unused for points. */
  size?: [number, number];
}

const t = (sector: string, shape: ShapeKind, en: string, ar: string, size?: [number, number]): ProjectTemplate =>
  size ? { sector, shape, en, ar, size } : { sector, shape, en, ar };

export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  t('water', 'point', 'Construction of a water reservoir in {place}', 'إنشاء خزان مياه في {place}'),
  t('water', 'point', 'Drilling and equipping of two wells in {place}', 'حفر وتجهيز بئرين في {place}'),
  t('water', 'point', 'Rehabilitation of the water pumping station in {place}', 'إعادة تأهيل محطة ضخ المياه في {place}'),
  t('water', 'line', 'Rehabilitation of the {nb} water network in {town}', 'إعادة تأهيل شبكة مياه حي {nb} في {town}', [1000, 4000]),
  t('water', 'line', 'Extension of the sewage network in {nb}, {town}', 'توسيع شبكة الصرف الصحي في حي {nb} في {town}', [1000, 3000]),
  t('water', 'line', 'Laying of a water transmission line to {place}', 'مد خط جر مياه إلى {place}', [3000, 10000]),
  t('water', 'polygon', 'Construction of a wastewater treatment plant in {place}', 'إنشاء محطة لمعالجة مياه الصرف الصحي في {place}', [20000, 80000]),
  t('electricity', 'point', 'Rehabilitation of the electricity substation in {place}', 'إعادة تأهيل محطة التحويل الكهربائية في {place}'),
  t('electricity', 'point', 'Solar power for the water pumping station in {place}', 'تزويد محطة ضخ المياه بالطاقة الشمسية في {place}'),
  t('electricity', 'point', 'Supply and installation of distribution transformers in {place}', 'توريد وتركيب محولات توزيع في {place}'),
  t('electricity', 'line', 'Installation of solar street lighting in {nb}, {town}', 'تركيب إنارة شوارع بالطاقة الشمسية في حي {nb} في {town}', [1000, 3000]),
  t('electricity', 'line', 'Rehabilitation of the medium-voltage network in {place}', 'إعادة تأهيل شبكة التوتر المتوسط في {place}', [2000, 6000]),
  t('electricity', 'polygon', 'Construction of a solar power plant near {place}', 'إنشاء محطة طاقة شمسية قرب {place}', [50000, 300000]),
  t('roads', 'point', 'Construction of a bridge in {place}', 'إنشاء جسر في {place}'),
  t('roads', 'point', 'Rehabilitation of the bus station in {place}', 'إعادة تأهيل محطة الحافلات في {place}'),
  t('roads', 'line', 'Paving of the road between {town} and {town2}', 'تعبيد الطريق بين {town} و{town2}', [4000, 15000]),
  t('roads', 'line', 'Rehabilitation of the ring road of {place}', 'إعادة تأهيل الطريق الدائري في {place}', [3000, 10000]),
  t('roads', 'line', 'Widening of the main street of {nb}, {town}', 'توسيع الشارع الرئيسي في حي {nb} في {town}', [800, 2500]),
  t('roads', 'line', 'Rehabilitation of agricultural roads in {place}', 'إعادة تأهيل الطرق الزراعية في {place}', [2000, 8000]),
  t('education', 'point', 'Construction of a secondary school in {place}', 'بناء مدرسة ثانوية في {place}'),
  t('education', 'point', 'Rehabilitation of the {nb} primary school in {town}', 'إعادة تأهيل مدرسة {nb} الابتدائية في {town}'),
  t('education', 'point', 'Construction of a kindergarten in {place}', 'بناء روضة أطفال في {place}'),
  t('education', 'point', 'Extension of the vocational training centre in {place}', 'توسيع مركز التدريب المهني في {place}'),
  t('education', 'polygon', 'Construction of a school complex in {place}', 'بناء مجمع مدارس في {place}', [8000, 25000]),
  t('health', 'point', 'Rehabilitation of the primary health care centre in {place}', 'إعادة تأهيل مركز الرعاية الصحية الأولية في {place}'),
  t('health', 'point', 'Equipping of the emergency department of {town} Hospital', 'تجهيز قسم الإسعاف في مستشفى {town}'),
  t('health', 'point', 'Construction of a dialysis centre in {place}', 'إنشاء مركز لغسيل الكلى في {place}'),
  t('health', 'polygon', 'Construction of a general hospital in {place}', 'بناء مستشفى عام في {place}', [15000, 50000]),
  t('housing', 'point', 'Rehabilitation of damaged housing in {nb}, {town}', 'ترميم المساكن المتضررة في حي {nb} في {town}'),
  t('housing', 'polygon', 'Construction of {n} housing units in {place}', 'بناء {n} وحدة سكنية في {place}', [10000, 60000]),
  t('housing', 'polygon', 'Youth housing project in {place}', 'مشروع السكن الشبابي في {place}', [20000, 80000]),
  t('agriculture', 'point', 'Construction of a livestock market in {place}', 'إنشاء سوق للمواشي في {place}'),
  t('agriculture', 'point', 'Construction of an agricultural dam near {place}', 'إنشاء سد زراعي قرب {place}'),
  t('agriculture', 'point', 'Rehabilitation of the veterinary unit in {place}', 'إعادة تأهيل الوحدة البيطرية في {place}'),
  t('agriculture', 'line', 'Rehabilitation of irrigation canals in {place}', 'إعادة تأهيل قنوات الري في {place}', [2000, 8000]),
  t('agriculture', 'line', 'Lining of irrigation channels in {place}', 'تبطين قنوات الري في {place}', [1000, 5000]),
  t('industry', 'point', 'Rehabilitation of the {town} flour mill', 'إعادة تأهيل مطحنة {town}'),
  t('industry', 'point', 'Construction of an automatic bakery in {place}', 'إنشاء مخبز آلي في {place}'),
  t('industry', 'point', 'Rehabilitation of the slaughterhouse in {place}', 'إعادة تأهيل المسلخ في {place}'),
  t('industry', 'point', 'Construction of a cold storage facility in {place}', 'إنشاء مستودع تبريد في {place}'),
  t('crafts', 'point', 'Construction of a craft market in {place}', 'إنشاء سوق حرفي في {place}'),
  t('crafts', 'point', 'Rehabilitation of the old souq of {town}', 'إعادة تأهيل السوق القديم في {town}'),
  t('crafts', 'point', 'Training centre for traditional crafts in {place}', 'مركز تدريب على الحرف التقليدية في {place}'),
  t('crafts', 'point', 'Small business incubator in {place}', 'حاضنة للمشروعات الصغيرة في {place}'),
  t('municipal', 'point', 'Rehabilitation of the municipal building in {place}', 'إعادة تأهيل مبنى البلدية في {place}'),
  t('municipal', 'point', 'Construction of a wholesale vegetable market in {place}', 'إنشاء سوق هال للخضار والفواكه في {place}'),
  t('municipal', 'point', 'Rehabilitation of the fire station in {place}', 'إعادة تأهيل مركز الإطفاء في {place}'),
  t('municipal', 'polygon', 'Construction of a public park in {nb}, {town}', 'إنشاء حديقة عامة في حي {nb} في {town}', [5000, 30000]),
  t('environment', 'point', 'Supply of waste collection vehicles for {place}', 'توريد آليات لجمع النفايات في {place}'),
  t('environment', 'point', 'Construction of a waste transfer station in {place}', 'إنشاء محطة ترحيل للنفايات في {place}'),
  t('environment', 'polygon', 'Construction of a sanitary landfill serving {town}', 'إنشاء مطمر صحي يخدم {town}', [50000, 200000]),
  t('environment', 'polygon', 'Planting of a green belt around {town}', 'إنشاء حزام أخضر حول {town}', [100000, 400000]),
  t('social', 'point', 'Construction of a community centre in {nb}, {town}', 'بناء مركز مجتمعي في حي {nb} في {town}'),
  t('social', 'point', 'Rehabilitation of the cultural centre in {place}', 'إعادة تأهيل المركز الثقافي في {place}'),
  t('social', 'point', 'Construction of a youth sports hall in {place}', 'بناء صالة رياضية للشباب في {place}'),
  t('social', 'point', 'Centre for persons with disabilities in {place}', 'مركز لرعاية ذوي الإعاقة في {place}'),
];

/** Service centres are their own kind of project (kind = 'service_centre'). */
export const SERVICE_CENTRE_TEMPLATES: readonly ProjectTemplate[] = [
  t('municipal', 'point', 'Citizen service centre in {place}', 'مركز خدمة المواطن في {place}'),
  t('municipal', 'point', 'One-stop municipal service centre in {place}', 'مركز الخدمات البلدية الموحد في {place}'),
  t('social', 'point', 'Social services centre in {place}', 'مركز الخدمات الاجتماعية في {place}'),
];

/** How often each sector comes up, and its typical (median) budget in USD. */
export const SECTOR_PROFILES: Readonly<Record<string, { weight: number; medianBudget: number }>> = {
  water: { weight: 14, medianBudget: 1_500_000 },
  roads: { weight: 12, medianBudget: 2_000_000 },
  education: { weight: 12, medianBudget: 800_000 },
  electricity: { weight: 10, medianBudget: 2_000_000 },
  municipal: { weight: 10, medianBudget: 400_000 },
  health: { weight: 9, medianBudget: 1_200_000 },
  housing: { weight: 7, medianBudget: 4_000_000 },
  agriculture: { weight: 7, medianBudget: 600_000 },
  environment: { weight: 6, medianBudget: 700_000 },
  social: { weight: 6, medianBudget: 300_000 },
  industry: { weight: 4, medianBudget: 1_500_000 },
  crafts: { weight: 3, medianBudget: 300_000 },
};

/** Target mix of geometry types over all development projects. */
export const SHAPE_WEIGHTS: ReadonlyArray<{ shape: ShapeKind; weight: number }> = [
  { shape: 'point', weight: 75 },
  { shape: 'line', weight: 15 },
  { shape: 'polygon', weight: 10 },
];
