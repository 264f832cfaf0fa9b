/**
 * Place names used to compose project titles, and how projects are spread over governorates.
 * Towns are real towns of each governorate (first = its main city); projects are placed at
 * random inside the governorate, not at the town, which is fine for clearly labelled demo data.
 */
export interface PlaceName {
  en: string;
  ar: string;
}

const towns = (list: string): PlaceName[] =>
  list.split(';').map((pair) => {
    const [en, ar] = pair.split('|').map((s) => s.trim());
    return { en: en ?? '', ar: ar ?? '' };
  });

export const TOWNS: Readonly<Record<string, PlaceName[]>> = {
  // Syria
  'SY-DI': towns('Damascus|دمشق; Al-Mezzeh|المزة; Kafr Sousa|كفرسوسة; Barzeh|برزة; Al-Midan|الميدان; Rukn al-Din|ركن الدين; Bab Touma|باب توما; Al-Qaboun|القابون'),
  'SY-RD': towns('Douma|دوما; Harasta|حرستا; Jaramana|جرمانا; Al-Tall|التل; Qatana|قطنا; Yabroud|يبرود; An-Nabk|النبك; Az-Zabadani|الزبداني; Darayya|داريا; Al-Kiswah|الكسوة'),
  'SY-HL': towns('Aleppo|حلب; Manbij|منبج; Al-Bab|الباب; Azaz|أعزاز; Afrin|عفرين; As-Safira|السفيرة; Jarabulus|جرابلس; Deir Hafer|دير حافر'),
  'SY-HI': towns('Homs|حمص; Al-Qusayr|القصير; Tadmur|تدمر; Talkalakh|تلكلخ; Ar-Rastan|الرستن; Al-Mukharram|المخرم; Al-Qaryatayn|القريتين'),
  'SY-HM': towns('Hama|حماة; Salamiyah|السلمية; Masyaf|مصياف; Mhardeh|محردة; As-Suqaylabiyah|السقيلبية; Kafr Zita|كفرزيتا'),
  'SY-LA': towns('Latakia|اللاذقية; Jableh|جبلة; Al-Haffah|الحفة; Al-Qardaha|القرداحة; Kessab|كسب'),
  'SY-TA': towns('Tartus|طرطوس; Baniyas|بانياس; Safita|صافيتا; Ad-Dreikish|الدريكيش; Ash-Sheikh Badr|الشيخ بدر; Arwad|أرواد'),
  'SY-ID': towns('Idlib|إدلب; Maarat al-Numan|معرة النعمان; Jisr al-Shughur|جسر الشغور; Ariha|أريحا; Harem|حارم; Saraqib|سراقب'),
  'SY-DR': towns('Daraa|درعا; Izra|إزرع; As-Sanamayn|الصنمين; Nawa|نوى; Busra al-Sham|بصرى الشام; Jasim|جاسم'),
  'SY-SU': towns('As-Suwayda|السويداء; Shahba|شهبا; Salkhad|صلخد; Al-Qrayya|القريا'),
  'SY-QU': towns('Quneitra|القنيطرة; Khan Arnabah|خان أرنبة; Madinat al-Baath|مدينة البعث; Jubata al-Khashab|جباتا الخشب'),
  'SY-DY': towns('Deir ez-Zor|دير الزور; Al-Mayadin|الميادين; Al-Bukamal|البوكمال; Al-Ashara|العشارة'),
  'SY-HA': towns('Al-Hasakah|الحسكة; Qamishli|القامشلي; Ras al-Ayn|رأس العين; Al-Malikiyah|المالكية; Ash-Shaddadi|الشدادي'),
  'SY-RA': towns('Raqqa|الرقة; Ath-Thawrah|الثورة; Tell Abyad|تل أبيض; Al-Mansoura|المنصورة'),
  // Saudi Arabia
  'SA-01': towns('Riyadh|الرياض; Al-Kharj|الخرج; Ad-Dawadmi|الدوادمي; Al-Majmaah|المجمعة; Wadi ad-Dawasir|وادي الدواسر; Az-Zulfi|الزلفي; Shaqra|شقراء'),
  'SA-02': towns('Makkah|مكة المكرمة; Jeddah|جدة; Taif|الطائف; Rabigh|رابغ; Al-Qunfudhah|القنفذة; Al-Lith|الليث'),
  'SA-03': towns('Madinah|المدينة المنورة; Yanbu|ينبع; Al-Ula|العلا; Badr|بدر; Khaybar|خيبر'),
  'SA-04': towns('Dammam|الدمام; Al-Khobar|الخبر; Al-Ahsa|الأحساء; Jubail|الجبيل; Hafar al-Batin|حفر الباطن; Al-Qatif|القطيف'),
  'SA-05': towns('Buraydah|بريدة; Unaizah|عنيزة; Ar-Rass|الرس; Al-Bukayriyah|البكيرية'),
  'SA-06': towns('Hail|حائل; Baqaa|بقعاء; Al-Ghazalah|الغزالة'),
  'SA-07': towns('Tabuk|تبوك; Duba|ضباء; Al-Wajh|الوجه; Tayma|تيماء; Umluj|أملج'),
  'SA-08': towns('Arar|عرعر; Rafha|رفحاء; Turaif|طريف'),
  'SA-09': towns('Jazan|جازان; Sabya|صبيا; Abu Arish|أبو عريش; Samtah|صامطة'),
  'SA-10': towns('Najran|نجران; Sharurah|شرورة; Hubuna|حبونا'),
  'SA-11': towns('Al-Baha|الباحة; Baljurashi|بلجرشي; Al-Mikhwah|المخواة'),
  'SA-12': towns('Sakaka|سكاكا; Dumat al-Jandal|دومة الجندل; Al-Qurayyat|القريات'),
  'SA-14': towns('Abha|أبها; Khamis Mushait|خميس مشيط; Bisha|بيشة; An-Namas|النماص; Muhayil|محايل'),
  // Libya: current districts (geodata/src/corrections.ts renames five of Natural Earth's legacy units)
  'LY-TB': towns('Tripoli|طرابلس; Tajura|تاجوراء; Souq al-Jumaa|سوق الجمعة; Ain Zara|عين زارة; Abu Salim|أبو سليم'),
  'LY-BA': towns('Benghazi|بنغازي; Suluq|سلوق; Qaminis|قمينس; Tocra|توكرة'),
  'LY-MI': towns('Misrata|مصراتة; Tawergha|تاورغاء; Zarruq|زروق'),
  'LY-ZA': towns('Zawiya|الزاوية; Surman|صرمان; Sabratha|صبراتة'),
  'LY-JI': towns('Al-Aziziya|العزيزية; Janzur|جنزور; Qasr bin Ghashir|قصر بن غشير'),
  'LY-MB': towns('Al-Khums|الخمس; Zliten|زليتن; Msallata|مسلاتة'),
  'LY-NQ': towns('Zuwara|زوارة; Al-Jamil|الجميل; Riqdalin|رقدالين; Abu Kammash|أبو كماش'),
  'LY-JG': towns('Gharyan|غريان; Yafran|يفرن; Zintan|الزنتان; Mizdah|مزدة'),
  'LY-JA': towns('Al-Bayda|البيضاء; Shahhat|شحات; Susa|سوسة'),
  'LY-SR': towns('Sirte|سرت; Bin Jawad|بن جواد; Harawa|هراوة'),
  'LY-SB': towns('Sabha|سبها; Tamanhint|تمنهنت; Al-Ghurayfah|الغريفة'),
  'LY-WA': towns('Ajdabiya|إجدابيا; Jalu|جالو; Awjila|أوجلة; Brega|البريقة'),
  'LY-DR': towns('Derna|درنة; Al-Qubbah|القبة; Ain Mara|عين مارة'),
  'LY-MJ': towns('Al-Marj|المرج; Tolmeita|طلميثة; Al-Abyar|الأبيار'),
  'LY-BU': towns('Tobruk|طبرق; Bardia|البردية; Umm al-Rizam|أم الرزم'),
  'LY-WS': towns('Brak|براك; Idri|إدري; Ashkida|أشكدة'),
  'LY-WD': towns('Ubari|أوباري; Germa|جرمة; Bint Bayya|بنت بية'),
  'LY-MQ': towns('Murzuq|مرزق; Umm al-Aranib|أم الأرانب; Al-Qatrun|القطرون'),
  'LY-NL': towns('Nalut|نالوت; Ghadames|غدامس; Kabaw|كاباو'),
  'LY-JU': towns('Hun|هون; Waddan|ودان; Sokna|سوكنة'),
  'LY-KF': towns('Kufra|الكفرة; Tazirbu|تازربو'),
  'LY-GT': towns('Ghat|غات; Al-Awaynat|العوينات'),
};

/** Neighbourhood names common to many Arab cities ("حي النزهة"), for local works. */
export const NEIGHBOURHOODS: readonly PlaceName[] = towns(
  'Al-Nuzha|النزهة; Al-Salam|السلام; Al-Andalus|الأندلس; Al-Rawda|الروضة; Al-Karama|الكرامة; Al-Shuhada|الشهداء; ' +
    'Al-Nasr|النصر; Al-Zahraa|الزهراء; Al-Mahatta|المحطة; Al-Qusour|القصور; Al-Hamra|الحمراء; Al-Aziziya|العزيزية; ' +
    'Al-Qadisiya|القادسية; Al-Yarmouk|اليرموك; Al-Wahda|الوحدة; Al-Matar|المطار; Al-Khalidiya|الخالدية; ' +
    'Al-Rashidiya|الرشيدية; Al-Masaken|المساكن; Al-Jadida|الجديدة; Al-Faiha|الفيحاء; Al-Safa|الصفا',
);

/**
 * How to say the governorate inside a title where the boundary name reads badly
 * (Natural Earth's bare "Eastern" and "Northern Borders").
 */
export const GOVERNORATE_TITLE_NAMES: Readonly<Record<string, PlaceName>> = {
  'SA-04': { en: 'the Eastern Province', ar: 'المنطقة الشرقية' },
  'SA-08': { en: 'the Northern Borders', ar: 'الحدود الشمالية' },
};

/** Share of projects per country, roughly by population. Other countries get 20. */
export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = { SYR: 45, SAU: 30, LBY: 25 };

/** Relative number of projects per governorate within its country: capitals and big cities get more. */
export const GOVERNORATE_WEIGHTS: Readonly<Record<string, number>> = {
  'SY-HL': 20, 'SY-RD': 15, 'SY-DI': 14, 'SY-HI': 9, 'SY-HM': 8, 'SY-LA': 6, 'SY-ID': 6, 'SY-TA': 5,
  'SY-DR': 5, 'SY-DY': 5, 'SY-HA': 5, 'SY-RA': 4, 'SY-SU': 3, 'SY-QU': 1.5,
  'SA-01': 25, 'SA-02': 25, 'SA-04': 15, 'SA-03': 7, 'SA-14': 7, 'SA-05': 5, 'SA-09': 5, 'SA-07': 3,
  'SA-06': 2.5, 'SA-10': 2, 'SA-11': 2, 'SA-12': 2, 'SA-08': 1.5,
  'LY-TB': 30, 'LY-BA': 15, 'LY-MI': 9, 'LY-ZA': 6, 'LY-JI': 6, 'LY-MB': 6, 'LY-NQ': 4, 'LY-JG': 4,
  'LY-JA': 4, 'LY-SR': 3, 'LY-SB': 3, 'LY-WA': 3, 'LY-DR': 2.5, 'LY-MJ': 2.5, 'LY-BU': 2.5,
  'LY-WS': 1.5, 'LY-WD': 1.5, 'LY-MQ': 1.5, 'LY-NL': 1.5, 'LY-JU': 1, 'LY-KF': 1, 'LY-GT': 0.5,
};
export const DEFAULT_GOVERNORATE_WEIGHT = 3;
