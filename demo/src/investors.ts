import type { Random } from './random.ts';

/**
 * The companies and persons who hold zone plots, per country: Arabic names as they appear on an
 * allocation decision ("شركة الحلبي للصناعات الغذائية", "مؤسسة خالد العطار", "محمد خالد الزعبي")
 * with their English transliterations, registration numbers and phone numbers in the country's
 * formats. Plain demo data: the families are common surnames, the numbers made up.
 */
export interface DemoInvestor {
  /** Position in the pool: the key the writer maps to the database id. */
  key: number;
  countryIso3: string;
  kind: 'company' | 'person';
  nameAr: string;
  nameEn: string;
  registrationNo: string;
  contactName: string | null;
  phone: string;
  email: string | null;
}

type Name = readonly [ar: string, en: string];

const MALE: readonly Name[] = [
  ['محمد', 'Mohammad'], ['أحمد', 'Ahmad'], ['خالد', 'Khaled'], ['عمر', 'Omar'], ['علي', 'Ali'], ['حسن', 'Hasan'],
  ['محمود', 'Mahmoud'], ['يوسف', 'Yousef'], ['إبراهيم', 'Ibrahim'], ['سامر', 'Samer'], ['ماهر', 'Maher'], ['عبد الله', 'Abdullah'],
  ['عبد الرحمن', 'Abdulrahman'], ['فيصل', 'Faisal'], ['طارق', 'Tareq'], ['وليد', 'Walid'], ['نبيل', 'Nabil'], ['رامي', 'Rami'],
  ['باسل', 'Basel'], ['مصطفى', 'Mustafa'], ['سليمان', 'Suleiman'], ['عادل', 'Adel'], ['جمال', 'Jamal'], ['فراس', 'Firas'],
];
const FEMALE: readonly Name[] = [
  ['فاطمة', 'Fatima'], ['مريم', 'Maryam'], ['هالة', 'Hala'], ['رنا', 'Rana'], ['سعاد', 'Suad'], ['ليلى', 'Layla'],
  ['نور', 'Nour'], ['هدى', 'Huda'], ['سلمى', 'Salma'], ['ريم', 'Reem'],
];
const FAMILIES: Readonly<Record<string, readonly Name[]>> = {
  SYR: [
    ['الحلبي', 'al-Halabi'], ['الشامي', 'al-Shami'], ['القباني', 'al-Qabbani'], ['الدباغ', 'al-Dabbagh'], ['العطار', 'al-Attar'],
    ['الخياط', 'al-Khayyat'], ['النحاس', 'al-Nahhas'], ['الجابي', 'al-Jabi'], ['حداد', 'Haddad'], ['الأتاسي', 'al-Atassi'],
    ['السباعي', 'al-Sibai'], ['الزعبي', 'al-Zoubi'], ['المصري', 'al-Masri'], ['الحمصي', 'al-Homsi'], ['شحادة', 'Shehadeh'],
    ['الطباع', 'al-Tabbaa'], ['كيالي', 'Kayyali'], ['الساعاتي', 'al-Saati'], ['دعبول', "Da'boul"], ['الرفاعي', 'al-Rifai'],
  ],
  LBY: [
    ['المصراتي', 'al-Misrati'], ['الورفلي', 'al-Warfalli'], ['القماطي', 'al-Gammati'], ['الزنتاني', 'al-Zintani'],
    ['بن عمران', 'Ben Omran'], ['الترهوني', 'al-Tarhouni'], ['الفيتوري', 'al-Fitouri'], ['الشريف', 'al-Sharif'],
    ['السويحلي', 'al-Swehli'], ['المقريف', 'al-Magariaf'], ['الغرياني', 'al-Gheriani'], ['بن حليم', 'Ben Halim'],
    ['الككلي', 'al-Kikli'], ['العبيدي', 'al-Obeidi'], ['الدرسي', 'al-Dursi'], ['البرعصي', 'al-Baraasi'],
  ],
  SAU: [
    ['العتيبي', 'Al-Otaibi'], ['القحطاني', 'Al-Qahtani'], ['الغامدي', 'Al-Ghamdi'], ['الزهراني', 'Al-Zahrani'],
    ['الشهري', 'Al-Shehri'], ['الدوسري', 'Al-Dosari'], ['العمري', 'Al-Omari'], ['الحربي', 'Al-Harbi'], ['المطيري', 'Al-Mutairi'],
    ['السبيعي', 'Al-Subaie'], ['الشمري', 'Al-Shammari'], ['العنزي', 'Al-Anazi'], ['البقمي', 'Al-Buqami'], ['التميمي', 'Al-Tamimi'],
    ['الجهني', 'Al-Juhani'], ['الرشيد', 'Al-Rasheed'],
  ],
};
/** Trade names of companies ("شركة النور للصناعات الغذائية"). */
const BRANDS: Readonly<Record<string, readonly Name[]>> = {
  SYR: [['الشام', 'Al-Sham'], ['النور', 'Al-Nour'], ['الفيحاء', 'Al-Fayhaa'], ['الشهباء', 'Al-Shahbaa'], ['العاصي', 'Al-Assi'], ['الأمل', 'Al-Amal']],
  LBY: [['الصحراء', 'Al-Sahraa'], ['المتوسط', 'Al-Mutawassit'], ['الوفاء', 'Al-Wafaa'], ['الساحل', 'Al-Sahel'], ['الأمل', 'Al-Amal']],
  SAU: [['الخليج', 'Al-Khaleej'], ['الجزيرة', 'Al-Jazeera'], ['الرواد', 'Al-Rowad'], ['البركة', 'Al-Baraka'], ['الفجر', 'Al-Fajr'], ['النخبة', 'Al-Nukhba']],
};
/** What a company does, from the activity of its first plot. */
const TRADES: Readonly<Record<string, Name>> = {
  food_processing: ['للصناعات الغذائية', 'Food Industries'],
  textiles: ['للصناعات النسيجية', 'Textiles'],
  chemicals: ['للصناعات الكيميائية والبلاستيكية', 'Chemical and Plastic Industries'],
  pharmaceuticals: ['للصناعات الدوائية', 'Pharmaceutical Industries'],
  engineering: ['للصناعات الهندسية', 'Engineering Industries'],
  building_materials: ['لمواد البناء', 'Building Materials'],
  printing_packaging: ['للطباعة والتغليف', 'Printing and Packaging'],
  warehousing: ['للخدمات اللوجستية', 'Logistics'],
  carpentry: ['للأخشاب والمفروشات', 'Wood and Furniture'],
  blacksmithing: ['للحدادة والألمنيوم', 'Metalwork and Aluminium'],
  vehicle_repair: ['لصيانة السيارات', 'Auto Repair'],
  electrical_repair: ['للأجهزة الكهربائية', 'Electrical Appliances'],
  traditional_crafts: ['للحرف التقليدية', 'Traditional Crafts'],
  services: ['للتجارة والخدمات', 'Trading and Services'],
};
/** How company names end in each country. */
const SUFFIX: Readonly<Record<string, Name>> = { SYR: [' وشركاه', ' & Partners'], LBY: [' المساهمة', ' JSC'], SAU: [' المحدودة', ' Ltd.'] };
/** Saudi commercial register numbers start with the issuing city's code. */
const SAU_CR_CITIES = ['1010', '4030', '2050', '1131', '4031', '5855'];

/** The investors of every country of a demo load, created as plots are allocated and reused across zones. */
export class InvestorPool {
  readonly created: DemoInvestor[] = [];
  private readonly byCountry = new Map<string, DemoInvestor[]>();
  private readonly names = new Set<string>();
  private readonly numbers = new Set<string>();

  /** A new investor of `country`, a company or a person, named for the activity of its first plot. */
  create(random: Random, country: string, kind: 'company' | 'person', activity: string | null): DemoInvestor {
    const families = FAMILIES[country] ?? FAMILIES.SYR!;
    const person = (female = false) => {
      const first = random.pick(female ? FEMALE : MALE), father = random.pick(MALE), family = random.pick(families);
      return [`${first[0]} ${father[0]} ${family[0]}`, `${first[1]} ${father[1]} ${family[1]}`] as const;
    };
    let nameAr = '', nameEn = '', contactName: string | null = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      if (kind === 'person') {
        [nameAr, nameEn] = person(random.chance(0.15));
      } else {
        const family = random.pick(families);
        const trade = TRADES[activity ?? 'services'] ?? TRADES.services!;
        const style = random.next();
        if (style < 0.35) [nameAr, nameEn] = [`شركة ${family[0]} ${trade[0]}`, `${family[1]} ${trade[1]} Co.`];
        else if (style < 0.55) [nameAr, nameEn] = [`شركة ${family[0]} إخوان ${trade[0]}`, `${family[1]} Brothers ${trade[1]} Co.`];
        else if (style < 0.75) {
          const brand = random.pick(BRANDS[country] ?? BRANDS.SYR!);
          const suffix = SUFFIX[country] ?? SUFFIX.SYR!;
          [nameAr, nameEn] = [`شركة ${brand[0]} ${trade[0]}${suffix[0]}`, `${brand[1]} ${trade[1]} Co.${suffix[1]}`];
        } else {
          const first = random.pick(MALE);
          [nameAr, nameEn] = [`مؤسسة ${first[0]} ${family[0]} ${trade[0]}`, `${first[1]} ${family[1]} Est. for ${trade[1]}`];
        }
        contactName = person()[0];
      }
      if (!this.names.has(`${country}|${nameAr}`)) break;
    }
    // Homonyms happen (two "محمد أحمد الحلبي"): the registration number tells them apart.
    this.names.add(`${country}|${nameAr}`);
    let registrationNo: string;
    do registrationNo = registration(random, country, kind);
    while (this.numbers.has(registrationNo));
    this.numbers.add(registrationNo);
    const slug = nameEn.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    const investor: DemoInvestor = {
      key: this.created.length,
      countryIso3: country,
      kind,
      nameAr,
      nameEn,
      registrationNo,
      contactName,
      phone: phone(random, country),
      email: kind === 'company' && random.chance(0.6) ? `info@${slug}.example` : null,
    };
    this.created.push(investor);
    const list = this.byCountry.get(country) ?? [];
    list.push(investor);
    this.byCountry.set(country, list);
    return investor;
  }

  /** An existing company of `country` (one that holds plots in several zones), if any. */
  existingCompany(random: Random, country: string): DemoInvestor | null {
    const companies = (this.byCountry.get(country) ?? []).filter((i) => i.kind === 'company');
    return companies.length > 0 ? random.pick(companies) : null;
  }
}

const digits = (random: Random, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');

/** Companies: the commercial register number; persons: the national ID number. */
function registration(random: Random, country: string, kind: 'company' | 'person'): string {
  if (country === 'SAU') return kind === 'company' ? `${random.pick(SAU_CR_CITIES)}${digits(random, 6)}` : `1${digits(random, 9)}`;
  if (country === 'LBY') return kind === 'company' ? `${random.int(1, 9)}${digits(random, 5)}` : `${random.int(1, 2)}${random.int(1955, 1995)}${digits(random, 7)}`;
  return kind === 'company' ? `${random.int(10, 99)}${digits(random, 4)}` : `${String(random.int(1, 14)).padStart(2, '0')}${digits(random, 9)}`;
}

/** Mobile numbers written the way each country writes them. */
function phone(random: Random, country: string): string {
  if (country === 'SAU') return `+966 5${random.pick([0, 3, 4, 5, 6, 9])} ${digits(random, 3)} ${digits(random, 4)}`;
  if (country === 'LBY') return `+218 9${random.pick([1, 2, 4, 5])} ${digits(random, 3)} ${digits(random, 4)}`;
  return `+963 9${random.pick([3, 4, 5, 6, 8, 9])}${digits(random, 1)} ${digits(random, 3)} ${digits(random, 3)}`;
}
