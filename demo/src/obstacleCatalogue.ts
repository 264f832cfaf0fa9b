import type { ObstacleCategory } from '@marsad/contracts';

/**
 * What blocks the demo's projects, in the words a governorate engineer would write: an Arabic
 * title, a description in Arabic then English, the body that must act (by role, resolved per
 * country), and how such an obstacle usually ends. Plain demo data: the bodies are the countries'
 * real ministries and agencies, the contractors made up.
 */

/** The part a body plays; each country names its own body for it (BODIES). */
export type BodyRole =
  | 'electricity' | 'power_utility' | 'water' | 'finance' | 'planning' | 'cadastre' | 'public_works' | 'interior' | 'fuel'
  | 'contractor' | 'roads_contractor' | 'design' | 'telecom' | 'transport' | 'antiquities' | 'cement';

export interface DemoBody {
  country: string;
  role: BodyRole;
  kind: 'ministry' | 'agency' | 'utility' | 'contractor';
  ar: string;
  en: string;
}

/**
 * Who plays each role in each country. Migration 0022 lists some of them already: those are
 * reused by name, the others added by the demo.
 */
export const BODIES: readonly DemoBody[] = [
  { country: 'SYR', role: 'electricity', kind: 'ministry', ar: 'وزارة الكهرباء', en: 'Ministry of Electricity' },
  { country: 'SYR', role: 'power_utility', kind: 'utility', ar: 'المؤسسة العامة لنقل وتوزيع الكهرباء', en: 'Public Establishment for Electricity Transmission and Distribution' },
  { country: 'SYR', role: 'water', kind: 'ministry', ar: 'وزارة الموارد المائية', en: 'Ministry of Water Resources' },
  { country: 'SYR', role: 'finance', kind: 'ministry', ar: 'وزارة المالية', en: 'Ministry of Finance' },
  { country: 'SYR', role: 'planning', kind: 'agency', ar: 'هيئة التخطيط والتعاون الدولي', en: 'Planning and International Cooperation Commission' },
  { country: 'SYR', role: 'cadastre', kind: 'agency', ar: 'المديرية العامة للمصالح العقارية', en: 'General Directorate of Cadastral Affairs' },
  { country: 'SYR', role: 'public_works', kind: 'ministry', ar: 'وزارة الأشغال العامة والإسكان', en: 'Ministry of Public Works and Housing' },
  { country: 'SYR', role: 'interior', kind: 'ministry', ar: 'وزارة الداخلية', en: 'Ministry of Interior' },
  { country: 'SYR', role: 'fuel', kind: 'agency', ar: 'الشركة السورية لتخزين وتوزيع المواد البترولية (محروقات)', en: 'Syrian Company for the Storage and Distribution of Petroleum Products (Mahrukat)' },
  { country: 'SYR', role: 'contractor', kind: 'contractor', ar: 'الشركة العامة للبناء والتعمير', en: 'General Company for Building and Construction' },
  { country: 'SYR', role: 'roads_contractor', kind: 'contractor', ar: 'الشركة العامة للطرق والجسور', en: 'General Company for Roads and Bridges' },
  { country: 'SYR', role: 'design', kind: 'agency', ar: 'الشركة العامة للدراسات والاستشارات الفنية', en: 'General Company for Technical Studies and Consultancy' },
  { country: 'SYR', role: 'telecom', kind: 'utility', ar: 'السورية للاتصالات', en: 'Syrian Telecom' },
  { country: 'SYR', role: 'transport', kind: 'ministry', ar: 'وزارة النقل', en: 'Ministry of Transport' },
  { country: 'SYR', role: 'antiquities', kind: 'agency', ar: 'المديرية العامة للآثار والمتاحف', en: 'Directorate-General of Antiquities and Museums' },
  { country: 'SYR', role: 'cement', kind: 'agency', ar: 'المؤسسة العامة للإسمنت ومواد البناء', en: 'General Establishment for Cement and Building Materials' },

  { country: 'LBY', role: 'electricity', kind: 'ministry', ar: 'وزارة الكهرباء والطاقات المتجددة', en: 'Ministry of Electricity and Renewable Energy' },
  { country: 'LBY', role: 'power_utility', kind: 'utility', ar: 'الشركة العامة للكهرباء', en: 'General Electricity Company of Libya' },
  { country: 'LBY', role: 'water', kind: 'utility', ar: 'الشركة العامة للمياه والصرف الصحي', en: 'General Company for Water and Wastewater' },
  { country: 'LBY', role: 'finance', kind: 'ministry', ar: 'وزارة المالية', en: 'Ministry of Finance' },
  { country: 'LBY', role: 'planning', kind: 'ministry', ar: 'وزارة التخطيط', en: 'Ministry of Planning' },
  { country: 'LBY', role: 'cadastre', kind: 'agency', ar: 'مصلحة التسجيل العقاري وأملاك الدولة', en: 'Real Estate Registration and State Property Authority' },
  { country: 'LBY', role: 'public_works', kind: 'agency', ar: 'جهاز تنفيذ مشروعات الإسكان والمرافق', en: 'Housing and Infrastructure Board' },
  { country: 'LBY', role: 'interior', kind: 'ministry', ar: 'وزارة الداخلية', en: 'Ministry of Interior' },
  { country: 'LBY', role: 'fuel', kind: 'agency', ar: 'شركة البريقة لتسويق النفط', en: 'Brega Petroleum Marketing Company' },
  { country: 'LBY', role: 'contractor', kind: 'contractor', ar: 'الشركة الوطنية العامة للمقاولات والإنشاءات', en: 'National General Company for Contracting and Construction' },
  { country: 'LBY', role: 'roads_contractor', kind: 'contractor', ar: 'شركة الساحل للطرق والجسور', en: 'Al Sahel Roads and Bridges Company' },
  { country: 'LBY', role: 'design', kind: 'agency', ar: 'المكتب الاستشاري الهندسي للمرافق', en: 'Engineering Consultancy Office for Utilities' },
  { country: 'LBY', role: 'telecom', kind: 'utility', ar: 'الشركة الليبية للبريد والاتصالات وتقنية المعلومات', en: 'Libyan Post, Telecommunications and IT Company' },
  { country: 'LBY', role: 'transport', kind: 'ministry', ar: 'وزارة المواصلات', en: 'Ministry of Transport' },
  { country: 'LBY', role: 'antiquities', kind: 'agency', ar: 'مصلحة الآثار', en: 'Department of Antiquities' },
  { country: 'LBY', role: 'cement', kind: 'agency', ar: 'الشركة الأهلية للإسمنت', en: 'Ahlia Cement Company' },

  { country: 'SAU', role: 'electricity', kind: 'utility', ar: 'الشركة السعودية للكهرباء', en: 'Saudi Electricity Company' },
  { country: 'SAU', role: 'power_utility', kind: 'utility', ar: 'الشركة السعودية للكهرباء', en: 'Saudi Electricity Company' },
  { country: 'SAU', role: 'water', kind: 'utility', ar: 'شركة المياه الوطنية', en: 'National Water Company' },
  { country: 'SAU', role: 'finance', kind: 'ministry', ar: 'وزارة المالية', en: 'Ministry of Finance' },
  { country: 'SAU', role: 'planning', kind: 'agency', ar: 'هيئة كفاءة الإنفاق والمشروعات الحكومية', en: 'Expenditure and Projects Efficiency Authority' },
  { country: 'SAU', role: 'cadastre', kind: 'agency', ar: 'الهيئة العامة لعقارات الدولة', en: 'State Properties General Authority' },
  { country: 'SAU', role: 'public_works', kind: 'ministry', ar: 'وزارة البيئة والمياه والزراعة', en: 'Ministry of Environment, Water and Agriculture' },
  { country: 'SAU', role: 'contractor', kind: 'contractor', ar: 'شركة المقاولات المتحدة', en: 'United Contracting Company' },
  { country: 'SAU', role: 'roads_contractor', kind: 'contractor', ar: 'شركة الطرق الحديثة للمقاولات', en: 'Modern Roads Contracting Company' },
  { country: 'SAU', role: 'design', kind: 'agency', ar: 'مكتب الاستشارات الهندسية المشرف', en: 'Supervising Engineering Consultant' },
  { country: 'SAU', role: 'telecom', kind: 'utility', ar: 'شركة الاتصالات السعودية', en: 'Saudi Telecom Company' },
  { country: 'SAU', role: 'transport', kind: 'ministry', ar: 'وزارة النقل والخدمات اللوجستية', en: 'Ministry of Transport and Logistic Services' },
  { country: 'SAU', role: 'antiquities', kind: 'agency', ar: 'هيئة التراث', en: 'Heritage Commission' },
];

export interface ObstacleTemplate {
  category: ObstacleCategory;
  /** Arabic title; `{body}` is replaced by the responsible body's Arabic name. */
  title: string;
  ar: string;
  en: string;
  /** Who must act; null: the ministry's own services. */
  role: BodyRole | null;
  /** How it ended when it was resolved. */
  resolution: string;
  /** Only in these countries (fuel queues and checkpoints are not a Saudi obstacle). */
  countries?: readonly string[];
}

const NOT_SAU = ['SYR', 'LBY'] as const;

export const TEMPLATES: readonly ObstacleTemplate[] = [
  // Land
  { category: 'land', title: 'تأخر قرار الاستملاك', role: 'cadastre',
    ar: 'لم يصدر قرار استملاك العقارات الواقعة ضمن مسار المشروع رغم استكمال لجان التقدير أعمالها.',
    en: 'The expropriation decree for the plots on the project route has not been issued, although the valuation committees finished their work.',
    resolution: 'صدر قرار الاستملاك وسُلّم الموقع للمتعهد' },
  { category: 'land', title: 'اعتراض مالكين على تقدير التعويضات', role: 'cadastre',
    ar: 'اعترض عدد من المالكين على قيمة التعويضات وأُحيل الاعتراض إلى لجنة إعادة التقدير.',
    en: 'Several owners contested the compensation amounts; the objection was referred to the re-valuation committee.',
    resolution: 'أقرت لجنة إعادة التقدير التعويضات وصُرفت للمالكين' },
  { category: 'land', title: 'تشابك ملكية أرض الموقع بين جهتين عامتين', role: 'cadastre',
    ar: 'الأرض المخصصة للمشروع مسجلة باسم جهة عامة أخرى ولم يُنقل التخصيص بعد.',
    en: 'The site is registered to another public body and the allocation has not been transferred yet.',
    resolution: 'نُقل تخصيص الأرض بموجب قرار من المحافظ' },
  { category: 'land', title: 'إشغالات قائمة على موقع المشروع', role: null,
    ar: 'وجود أبنية وإشغالات مؤقتة على جزء من الموقع تمنع بدء الأعمال في المرحلة الثانية.',
    en: 'Temporary structures on part of the site prevent work on the second phase from starting.',
    resolution: 'أُزيلت الإشغالات بعد تأمين بدائل لشاغليها' },
  // Permits
  { category: 'permits', title: 'انتظار موافقة {body} على أعمال الحفر', role: 'antiquities',
    ar: 'يقع جزء من المسار ضمن منطقة أثرية ويحتاج موافقة مسبقة قبل الحفر.',
    en: 'Part of the route lies in an archaeological zone and needs prior approval before excavation.',
    resolution: 'صدرت الموافقة بشرط وجود مراقب أثري أثناء الحفر' },
  { category: 'permits', title: 'تأخر صدور رخصة البناء', role: null,
    ar: 'لم تصدر رخصة البناء بانتظار استكمال ملاحظات الدائرة الفنية على المخططات.',
    en: 'The building permit is pending until the technical department’s comments on the drawings are addressed.',
    resolution: 'صدرت رخصة البناء بعد تعديل المخططات' },
  { category: 'permits', title: 'انتظار موافقة {body} على قطع الطريق', role: 'transport',
    ar: 'يتطلب تنفيذ العبارة قطع الطريق الرئيسي وتحويل السير، ولم تصدر الموافقة بعد.',
    en: 'Building the culvert requires closing the main road and diverting traffic; approval has not been granted yet.',
    resolution: 'صدرت الموافقة على تحويل السير لمدة ثلاثة أسابيع' },
  // Funding release
  { category: 'funding_release', title: 'تأخر تحرير الدفعة الثانية', role: 'finance',
    ar: 'لم تُحرَّر الدفعة الثانية من الاعتماد رغم تصديق الكشف المرحلي، والمتعهد يهدد بالتوقف.',
    en: 'The second instalment has not been released although the interim certificate was approved; the contractor threatens to stop work.',
    resolution: 'حُرّرت الدفعة الثانية وحُوّلت إلى حساب المتعهد' },
  { category: 'funding_release', title: 'عدم رصد اعتماد للمكوّن الإضافي', role: 'planning',
    ar: 'المكوّن الإضافي الذي طلبته المحافظة غير مرصود في الخطة الاستثمارية لهذا العام.',
    en: 'The extra component requested by the governorate is not funded in this year’s investment plan.',
    resolution: 'رُصد الاعتماد في مناقلة الربع الثالث' },
  { category: 'funding_release', title: 'تأخر تحويل حصة الجهة المانحة', role: 'planning',
    ar: 'تأخر تحويل حصة الجهة المانحة بانتظار تقرير التحقق من الإنجاز.',
    en: 'The donor’s share is held back pending the verification report on progress.',
    resolution: 'اعتُمد تقرير التحقق وحُوّلت حصة الجهة المانحة' },
  { category: 'funding_release', title: 'فروقات أسعار غير مغطاة في العقد', role: 'finance',
    ar: 'ارتفاع أسعار المواد يتجاوز سقف فروقات الأسعار في العقد ويحتاج موافقة على ملحق مالي.',
    en: 'Material price increases exceed the contract’s price-adjustment ceiling and need an approved financial addendum.',
    resolution: 'أُقرّ الملحق المالي لتغطية فروقات الأسعار' },
  // Contractor
  { category: 'contractor', title: 'تباطؤ المتعهد في التنفيذ', role: 'contractor',
    ar: 'نسبة الإنجاز الفعلية أقل من البرنامج الزمني بفارق كبير وعدد العمال في الموقع غير كافٍ.',
    en: 'Actual progress is well behind the schedule and there are too few workers on site.',
    resolution: 'زاد المتعهد عدد الورشات وعاد إلى البرنامج الزمني المعدل' },
  { category: 'contractor', title: 'توقف المتعهد بسبب مستحقات متأخرة', role: 'contractor',
    ar: 'أوقف المتعهد الأعمال مطالباً بمستحقات كشوف سابقة لم تُصرف.',
    en: 'The contractor stopped work, claiming earlier certificates that have not been paid.',
    resolution: 'صُرفت المستحقات واستأنف المتعهد العمل' },
  { category: 'contractor', title: 'نقص الآليات الثقيلة لدى المتعهد', role: 'roads_contractor',
    ar: 'آليات الحفر والتسوية غير متوفرة بالعدد المطلوب، ما أخّر أعمال الطبقات الأساسية.',
    en: 'Excavation and grading machinery is short, delaying the base courses.',
    resolution: 'استأجر المتعهد آليات إضافية واستُكملت الطبقات الأساسية' },
  // Design change
  { category: 'design_change', title: 'تعديل المخططات بعد الكشف على الموقع', role: 'design',
    ar: 'أظهر الكشف على الموقع اختلاف المناسيب عن الدراسة، ويلزم تعديل المخططات التنفيذية.',
    en: 'The site survey showed levels differing from the study; the construction drawings must be revised.',
    resolution: 'اعتُمدت المخططات المعدلة وصدر أمر التغيير' },
  { category: 'design_change', title: 'طلب إضافة طابق إلى المبنى', role: 'design',
    ar: 'طلبت الجهة المستفيدة إضافة طابق، ما يستدعي إعادة الحسابات الإنشائية.',
    en: 'The beneficiary asked for an extra floor, which requires the structural calculations to be redone.',
    resolution: 'رُفض طلب الإضافة واستُكمل التنفيذ وفق الدراسة الأصلية' },
  { category: 'design_change', title: 'تعارض مسار الشبكة مع خدمات قائمة', role: 'design',
    ar: 'يتعارض المسار المصمم مع خطوط مياه وهاتف غير موثقة في المخططات.',
    en: 'The designed route clashes with water and telephone lines missing from the drawings.',
    resolution: 'عُدّل المسار ونُقلت الخدمات المتعارضة' },
  // Security and access
  { category: 'security_access', title: 'تعذر وصول الورشات إلى الموقع', role: 'interior', countries: NOT_SAU,
    ar: 'تعذّر وصول الورشات والآليات إلى الموقع بسبب الوضع الأمني على الطريق المؤدي إليه.',
    en: 'Crews and machinery cannot reach the site because of the security situation on the access road.',
    resolution: 'أُمّن الطريق واستؤنف وصول الورشات' },
  { category: 'security_access', title: 'مخلفات حرب غير منفجرة في الموقع', role: 'interior', countries: NOT_SAU,
    ar: 'عُثر على مخلفات حرب غير منفجرة، وتوقفت الأعمال لحين مسح الموقع وتطهيره.',
    en: 'Unexploded ordnance was found; work stopped until the site is surveyed and cleared.',
    resolution: 'طُهّر الموقع وسُلّم للمتعهد' },
  { category: 'security_access', title: 'انتظار تصاريح دخول الآليات', role: 'interior', countries: NOT_SAU,
    ar: 'لم تصدر تصاريح مرور الآليات الثقيلة عبر الحواجز إلى منطقة العمل.',
    en: 'Permits for heavy machinery to pass the checkpoints into the work area have not been issued.',
    resolution: 'صدرت التصاريح لمدة ستة أشهر' },
  // Utilities
  { category: 'utilities', title: 'انتظار تغذية كهربائية من {body}', role: 'electricity',
    ar: 'المبنى جاهز للاستلام لكنه ينتظر مركز تحويل وخط تغذية من وزارة الكهرباء.',
    en: 'The building is ready for handover but waits for a transformer station and a feeder line from the electricity ministry.',
    resolution: 'رُكّب مركز التحويل ووُصلت التغذية الكهربائية' },
  { category: 'utilities', title: 'عدم توفر محولة لمركز التحويل', role: 'power_utility',
    ar: 'المحولة المطلوبة غير متوفرة في مستودعات المؤسسة، ولا موعد محدداً لتوريدها.',
    en: 'The required transformer is not in the utility’s stores and has no delivery date.',
    resolution: 'وُرّدت المحولة ورُكّبت' },
  { category: 'utilities', title: 'تأخر ربط المشروع بشبكة مياه الشرب', role: 'water',
    ar: 'لم تُنفَّذ وصلة المياه الرئيسية إلى المشروع لعدم توفر الأنابيب لدى الجهة المختصة.',
    en: 'The main water connection has not been built because the water authority lacks pipes.',
    resolution: 'نُفّذت وصلة المياه وجُرّبت' },
  { category: 'utilities', title: 'نقل خطوط الهاتف المعترضة للمسار', role: 'telecom',
    ar: 'خطوط هاتف أرضية تعترض مسار الطريق ويلزم نقلها قبل متابعة الأعمال.',
    en: 'Landline cables cross the road alignment and must be relocated before work can continue.',
    resolution: 'نُقلت الخطوط إلى المسار الجديد' },
  // Another ministry
  { category: 'other_ministry', title: 'انتظار موافقة {body} على المخطط التنظيمي', role: 'public_works',
    ar: 'تعديل المخطط التنظيمي للموقع بانتظار تصديق الوزارة المختصة.',
    en: 'The change to the site’s zoning plan awaits endorsement by the competent ministry.',
    resolution: 'صُدّق تعديل المخطط التنظيمي' },
  { category: 'other_ministry', title: 'عدم تسمية ممثل {body} في لجنة الاستلام', role: 'transport',
    ar: 'لا يمكن الاستلام الأولي دون ممثل عن الوزارة المعنية في اللجنة.',
    en: 'The provisional handover cannot take place without the ministry’s representative on the committee.',
    resolution: 'سُمّي الممثل وجرى الاستلام الأولي' },
  { category: 'other_ministry', title: 'تأخر التنسيق مع {body} لتحديد نقاط الربط', role: 'public_works',
    ar: 'لم تحدد الوزارة نقاط الربط مع شبكتها رغم المراسلات المتكررة.',
    en: 'The ministry has not set the connection points to its network despite repeated letters.',
    resolution: 'حُدّدت نقاط الربط في اجتماع مشترك' },
  // Other
  { category: 'other', title: 'نقص المحروقات اللازمة لآليات المتعهد', role: 'fuel', countries: NOT_SAU,
    ar: 'لا تكفي مخصصات المازوت آليات المتعهد، وتعمل الورشات بنصف طاقتها.',
    en: 'The diesel allocation does not cover the contractor’s machinery; crews work at half capacity.',
    resolution: 'رُفعت مخصصات المازوت للمشروع' },
  { category: 'other', title: 'نقص الإسمنت في السوق المحلية', role: 'cement', countries: NOT_SAU,
    ar: 'تأخر توريد الإسمنت من المعامل ما أوقف أعمال الصب.',
    en: 'Cement deliveries from the plants are late, halting concrete pours.',
    resolution: 'خُصّصت كمية من الإسمنت للمشروع من حصة القطاع العام' },
  { category: 'other', title: 'أضرار السيول في الموقع', role: null,
    ar: 'جرفت السيول جزءاً من الأعمال المنفذة وتحتاج إعادة تقييم.',
    en: 'Flash floods washed away part of the completed works, which must be reassessed.',
    resolution: 'أُعيد تنفيذ الأعمال المتضررة ضمن التأمين' },
  { category: 'other', title: 'تأخر توريد المعدات المستوردة', role: null,
    ar: 'المعدات المستوردة محتجزة في الميناء بانتظار استكمال إجراءات التخليص.',
    en: 'Imported equipment is held at the port pending customs clearance.',
    resolution: 'خُلّصت المعدات ووصلت إلى الموقع' },
];

/** Category weights: payments, contractors and utilities block most often. */
export const CATEGORY_WEIGHTS: Readonly<Record<ObstacleCategory, number>> = {
  land: 13, permits: 9, funding_release: 17, contractor: 16, design_change: 8, security_access: 6, utilities: 16, other_ministry: 8, other: 9,
};

/** Categories that need another ministry at the table, so may climb to an inter-ministerial meeting. */
export const INTER_MINISTERIAL_CATEGORIES: ReadonlySet<ObstacleCategory> = new Set(['land', 'funding_release', 'security_access', 'utilities', 'other_ministry', 'other']);

export const ESCALATION_REASONS = {
  directorate: ['تجاوز المدة المحددة على مستوى المحافظة دون حل', 'خارج صلاحيات المحافظة ويحتاج موافقة الوزارة', 'لم تستجب الجهة المعنية لمراسلات المحافظة'],
  minister: ['يحتاج قراراً من الوزير لتجاوز العائق', 'لم تستجب الجهة المعنية لمراسلات المديرية', 'عائق حرج تجاوز موعده المستهدف'],
  inter_ministerial: ['يتطلب قراراً مشتركاً مع الوزارة المعنية', 'تعدد الجهات المعنية ويحتاج تنسيقاً على مستوى الوزراء', 'مرتبط باتفاقية مع جهة مانحة ويُعرض على لجنة المتابعة'],
} as const;

export const ENDINGS = {
  closed: ['أُغلق بعد معالجته ضمن ملحق العقد', 'أُغلق: عولج ضمن أعمال المرحلة التالية'],
  dropped: ['أُسقط: أُلغي المكوّن المتأثر من نطاق المشروع', 'أُسقط بعد تعديل نطاق العقد', 'أُسقط: تبيّن أنه لا يؤثر على المسار الحرج'],
} as const;

/** What a meeting directs about an obstacle of each category (`{body}`: who must act; those texts only when a body must). */
export const DECISION_TEXTS: Readonly<Record<ObstacleCategory, readonly string[]>> = {
  land: ['استكمال إجراءات الاستملاك وإصدار القرار خلال المهلة المحددة', 'تشكيل لجنة مشتركة لحل تشابك الملكية ورفع مقترحها'],
  permits: ['منح الترخيص المطلوب بالتوازي مع استكمال الملاحظات الفنية', 'تكليف {body} بالرد على طلب الموافقة خلال أسبوعين'],
  funding_release: ['تحرير الدفعة المستحقة وإبلاغ المحافظة بموعد التحويل', 'إدراج الاعتماد اللازم في أول مناقلة قادمة'],
  contractor: ['إنذار المتعهد وفق أحكام العقد ودراسة سحب الأعمال في حال عدم الالتزام', 'إلزام المتعهد ببرنامج زمني معدل يُرفع خلال عشرة أيام'],
  design_change: ['إقرار التعديل على المخططات وإصدار أمر التغيير', 'تكليف {body} بإنجاز الدراسة المعدلة'],
  security_access: ['التنسيق مع {body} لتأمين وصول الورشات إلى الموقع', 'تسريع مسح الموقع وتطهيره من المخلفات'],
  utilities: ['تكليف {body} بتأمين التغذية للمشروع وتقديم جدول زمني للتنفيذ', 'تخصيص المواد اللازمة للربط من مستودعات {body}'],
  other_ministry: ['مخاطبة {body} لتسمية ممثل عنها في لجنة المتابعة', 'عقد اجتماع فني مع {body} لحسم نقاط الربط'],
  other: ['تخصيص الكميات اللازمة لآليات المشروع من {body}', 'متابعة إجراءات التوريد ورفع تقرير بالموعد المتوقع', 'تكليف مديرية الخدمات الفنية بتقييم الأثر على البرنامج الزمني ورفع تقرير'],
};

export const CLOSING_NOTES = ['نُفّذ القرار وأُبلغت المحافظة', 'نُفّذ وفق الكتاب المرفق', 'أنجزت الجهة المكلفة المطلوب وأُغلق القرار في الاجتماع التالي'];

/** Decisions that concern no single obstacle. */
export const GENERAL_DECISIONS = [
  'رفع تقرير شهري موحد عن المشاريع المتعثرة في كل محافظة',
  'تحديث نسب الإنجاز في مرصد قبل الاجتماع القادم',
  'تعميم نموذج موحد لتوثيق العوائق على مديريات الخدمات الفنية',
];
