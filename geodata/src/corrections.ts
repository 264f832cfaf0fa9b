/**
 * Name and code corrections applied on load. The data files stay verbatim copies of the
 * source; every change Marsad makes to them is listed here, with the reason.
 *
 * Libya: Natural Earth draws the 2007 district layout but labels five of its polygons with
 * pre-2007 names and codes (checked with point-in-polygon tests on the cities each contains).
 * The ministries work with the current districts, so these five carry the current ISO 3166-2
 * code and name; the legacy name is kept in `source_note`.
 *
 * Yemen: NE names YE-SA (Amanat al-Asimah, the capital city) "صنعاء"/"Sanaa", the same as the
 * surrounding governorate YE-SN. Two units with one name would be ambiguous on the map and in
 * filters, so YE-SA gets its usual name.
 */
export interface AdminAreaCorrection {
  code: string;
  newCode?: string;
  name_en?: string;
  name_ar?: string;
  name_ar_short?: string;
  note: string;
}

export const ADMIN_AREA_CORRECTIONS: readonly AdminAreaCorrection[] = [
  libyan('LY-TN', 'LY-TB', 'Tripoli', 'طرابلس', 'Tripoli District / تاجوراء والنواحي الأربعة'),
  libyan('LY-GD', 'LY-NL', 'Nalut', 'نالوت', 'Ghadames / غدامس'),
  libyan('LY-AJ', 'LY-WA', 'Al Wahat', 'الواحات', 'Ajdabiya / إجدابيا'),
  libyan('LY-QB', 'LY-DR', 'Darnah', 'درنة', 'Al Qubbah / القبة'),
  libyan('LY-MZ', 'LY-JG', 'Al Jabal al Gharbi', 'الجبل الغربي', 'Mizdah / مزدة'),
  {
    code: 'YE-SA',
    name_en: 'Amanat al-Asimah (Sanaa city)',
    name_ar: 'أمانة العاصمة',
    name_ar_short: 'أمانة العاصمة',
    note: 'Natural Earth names this unit صنعاء / Sanaa, like YE-SN; renamed to its usual name.',
  },
];

function libyan(code: string, newCode: string, name_en: string, name_ar_short: string, legacy: string): AdminAreaCorrection {
  return {
    code,
    newCode,
    name_en,
    name_ar: `شعبية ${name_ar_short}`,
    name_ar_short,
    note: `Natural Earth labels this 2007-layout polygon with the legacy name ${legacy} (${code}); Marsad uses the current district ${name_en} (${newCode}).`,
  };
}
