import type { Queryable } from '@marsad/db';
import type { AdminArea } from './loadAdminAreas.ts';

/** The ministries, governorate offices, donors and partners of the demo. */
interface OrganizationRow {
  slug: string;
  kind: 'ministry' | 'governorate_office' | 'donor' | 'partner';
  nameEn: string;
  nameAr: string;
  countryIso3: string | null;
  adminAreaId: number | null;
}

const MINISTRIES: Readonly<Record<string, { en: string; ar: string }>> = {
  SYR: { en: 'Ministry of Local Administration and Environment', ar: 'وزارة الإدارة المحلية والبيئة' },
  LBY: { en: 'Ministry of Local Government', ar: 'وزارة الحكم المحلي' },
  SAU: { en: 'Ministry of Municipalities and Housing', ar: 'وزارة البلديات والإسكان' },
};
const DEFAULT_MINISTRY = { en: 'Ministry of Local Administration', ar: 'وزارة الإدارة المحلية' };

/** Each country calls its governorate-level body differently. */
function officeName(area: AdminArea): { en: string; ar: string } {
  switch (area.countryIso3) {
    case 'SYR':
      return { en: `${area.nameEn} Governorate Council`, ar: `مجلس ${area.nameAr}` };
    case 'SAU':
      return { en: `${area.nameEn} Region Municipality`, ar: `أمانة ${area.nameAr}` };
    case 'LBY':
      return { en: `Local Government Office, ${area.nameEn}`, ar: `مكتب الحكم المحلي في ${area.nameArShort}` };
    default:
      return { en: `${area.nameEn} Governorate Office`, ar: `مكتب ${area.nameAr}` };
  }
}

export const DONORS = [
  { slug: 'undp', en: 'United Nations Development Programme (UNDP)', ar: 'برنامج الأمم المتحدة الإنمائي' },
  { slug: 'giz', en: 'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)', ar: 'الوكالة الألمانية للتعاون الدولي' },
  { slug: 'eu', en: 'European Union', ar: 'الاتحاد الأوروبي' },
  { slug: 'world-bank', en: 'World Bank', ar: 'البنك الدولي' },
  { slug: 'unicef', en: 'UNICEF', ar: 'منظمة الأمم المتحدة للطفولة (يونيسف)' },
  { slug: 'un-habitat', en: 'UN-Habitat', ar: 'برنامج الأمم المتحدة للمستوطنات البشرية' },
  { slug: 'kfw', en: 'KfW Development Bank', ar: 'بنك التنمية الألماني' },
  { slug: 'afd', en: 'French Development Agency (AFD)', ar: 'الوكالة الفرنسية للتنمية' },
  { slug: 'isdb', en: 'Islamic Development Bank', ar: 'البنك الإسلامي للتنمية' },
  { slug: 'sfd', en: 'Saudi Fund for Development', ar: 'الصندوق السعودي للتنمية' },
  { slug: 'kuwait-fund', en: 'Kuwait Fund for Arab Economic Development', ar: 'الصندوق الكويتي للتنمية الاقتصادية العربية' },
  { slug: 'jica', en: 'Japan International Cooperation Agency (JICA)', ar: 'الوكالة اليابانية للتعاون الدولي' },
] as const;
export type DonorSlug = (typeof DONORS)[number]['slug'];

/** Implementing partners: projects are shared with them without funding. */
const PARTNERS = [
  { slug: 'unops', en: 'United Nations Office for Project Services (UNOPS)', ar: 'مكتب الأمم المتحدة لخدمات المشاريع', country: null },
  { slug: 'sarc', en: 'Syrian Arab Red Crescent', ar: 'الهلال الأحمر العربي السوري', country: 'SYR' },
  { slug: 'lrc', en: 'Libyan Red Crescent', ar: 'الهلال الأحمر الليبي', country: 'LBY' },
] as const;

export interface OrganizationIds {
  ministryOf: Map<string, number>;
  officeOf: Map<number, number>; // admin area id -> office id
  bySlug: Map<string, number>;
  partners: number[];
  count: number;
}

export async function insertOrganizations(db: Queryable, countries: readonly string[], areas: readonly AdminArea[]): Promise<OrganizationIds> {
  const rows: OrganizationRow[] = [];
  for (const iso3 of countries) {
    const name = MINISTRIES[iso3] ?? DEFAULT_MINISTRY;
    rows.push({ slug: `ministry-${iso3.toLowerCase()}`, kind: 'ministry', nameEn: name.en, nameAr: name.ar, countryIso3: iso3, adminAreaId: null });
  }
  for (const area of areas) {
    const name = officeName(area);
    rows.push({ slug: `office-${area.code.toLowerCase()}`, kind: 'governorate_office', nameEn: name.en, nameAr: name.ar, countryIso3: area.countryIso3, adminAreaId: area.id });
  }
  for (const donor of DONORS) rows.push({ slug: donor.slug, kind: 'donor', nameEn: donor.en, nameAr: donor.ar, countryIso3: null, adminAreaId: null });
  for (const partner of PARTNERS) {
    if (partner.country === null || countries.includes(partner.country)) {
      rows.push({ slug: partner.slug, kind: 'partner', nameEn: partner.en, nameAr: partner.ar, countryIso3: partner.country, adminAreaId: null });
    }
  }

  // Real organizations may already exist under the same slug (e.g. UNDP): reuse them, do not duplicate.
  await db.query(
    `insert into organizations (slug, kind, name_en, name_ar, country_iso3, admin_area_id)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
     on conflict (slug) do nothing`,
    [rows.map((r) => r.slug), rows.map((r) => r.kind), rows.map((r) => r.nameEn), rows.map((r) => r.nameAr), rows.map((r) => r.countryIso3), rows.map((r) => r.adminAreaId)],
  );
  const found = await db.query<{ id: number; slug: string }>(`select id, slug from organizations where slug = any($1::text[])`, [rows.map((r) => r.slug)]);
  const bySlug = new Map(found.map((row) => [row.slug, row.id]));
  const idOf = (slug: string) => {
    const id = bySlug.get(slug);
    if (id === undefined) throw new Error(`Organization "${slug}" was not created`);
    return id;
  };
  return {
    ministryOf: new Map(countries.map((iso3) => [iso3, idOf(`ministry-${iso3.toLowerCase()}`)])),
    officeOf: new Map(areas.map((area) => [area.id, idOf(`office-${area.code.toLowerCase()}`)])),
    bySlug,
    partners: PARTNERS.filter((p) => bySlug.has(p.slug)).map((p) => idOf(p.slug)),
    count: rows.length,
  };
}
