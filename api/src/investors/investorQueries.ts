import type { Investor, InvestorChange, NewInvestor } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { conflict, invalidParameter, notFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/**
 * The SQL of investors: who holds zone plots. Callers have already checked investorsVisible (the
 * routes answer 404 to anyone else), so nothing here looks at the viewer.
 */

const COLUMNS = 'id, country_iso3, kind, name_ar, name_en, registration_no, contact_name, phone, email, version';

/** Field names → columns (the same names). */
const FIELDS = ['country_iso3', 'kind', 'name_ar', 'name_en', 'registration_no', 'contact_name', 'phone', 'email'] as const;

export const investorNotFound = (id: number) => notFound(`No investor ${id} is visible to you`);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Investors by name (Arabic or English) or registration number, of some countries, a page at a time. */
export async function findInvestors(
  db: Queryable,
  { q, country, limit, offset }: { q?: string; country?: readonly string[]; limit: number; offset: number },
): Promise<{ total: number; items: Investor[] }> {
  const params = new SqlParams();
  const where = ['true'];
  if (country?.length) where.push(`country_iso3 = any(${params.add(country)}::text[])`);
  if (q) {
    where.push(
      `normalize_search_text(name_ar || ' ' || coalesce(name_en, '') || ' ' || coalesce(registration_no, '')) like '%' || normalize_search_text(${params.add(escapeLike(q))}) || '%'`,
    );
  }
  const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>(`select count(*) as n from investors where ${where.join(' and ')}`, params.values);
  const items = await db.query<Investor>(
    `select ${COLUMNS} from investors where ${where.join(' and ')}
      order by lower(coalesce(name_en, name_ar)), id limit ${params.add(limit)} offset ${params.add(offset)}`,
    params.values,
  );
  return { total, items };
}

export async function findInvestor(db: Queryable, id: number): Promise<Investor | undefined> {
  const [row] = await db.query<Investor>(`select ${COLUMNS} from investors where id = $1`, [id]);
  return row;
}

/** 400 when the country is not one Marsad knows. */
async function assertKnownCountry(db: Queryable, country: string | undefined) {
  if (country === undefined) return;
  const [known] = await db.query('select 1 from countries where iso3 = $1', [country]);
  if (!known) throw invalidParameter('country_iso3', `"${country}" is not a country Marsad knows`);
}

/** A new investor (from POST /api/investors, or named while allocating plots); audited by trigger. */
export async function insertInvestor(tx: Queryable, fields: NewInvestor): Promise<Investor> {
  await assertKnownCountry(tx, fields.country_iso3);
  const columns = FIELDS.filter((k) => fields[k] !== undefined);
  const [row] = await tx.query<Investor>(
    `insert into investors (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning ${COLUMNS}`,
    columns.map((k) => fields[k]),
  );
  return row!;
}

/** `PATCH /api/investors/{id}`: the fields sent; 409 with `current_version` if it changed since `version`. */
export async function changeInvestor(tx: Queryable, id: number, change: InvestorChange): Promise<Investor> {
  const [current] = await tx.query<{ version: number }>('select version from investors where id = $1 for update', [id]);
  if (!current) throw investorNotFound(id);
  if (current.version !== change.version) {
    throw conflict(`Investor ${id} is at version ${current.version}, not ${change.version}: someone else changed it since. Reload it and try again.`, {
      current_version: current.version,
    });
  }
  await assertKnownCountry(tx, change.country_iso3);
  const columns = FIELDS.filter((k) => change[k] !== undefined);
  if (!columns.length) return (await findInvestor(tx, id))!;
  const params = new SqlParams([id]);
  const [row] = await tx.query<Investor>(
    `update investors set ${columns.map((k) => `${k} = ${params.add(change[k])}`).join(', ')} where id = $1 returning ${COLUMNS}`,
    params.values,
  );
  return row!;
}
