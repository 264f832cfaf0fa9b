import type { NewResponsibleBody, ResponsibleBody, ResponsibleBodyChange } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { conflict, invalidParameter, notFound } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** The SQL of responsible bodies: who may have to act on obstacles and decisions (a list the ministry keeps). */

const COLUMNS = 'id, country_iso3, kind, name_ar, name_en, is_active, version';
const FIELDS = ['kind', 'name_ar', 'name_en', 'is_active'] as const;

export const bodyNotFound = (id: number) => notFound(`No responsible body ${id}`);

/** A country's bodies and the international ones (all countries' without `country`), active only unless `all`. */
export function findBodies(db: Queryable, { country, all }: { country?: string; all: boolean }): Promise<ResponsibleBody[]> {
  const params = new SqlParams();
  const where = ['true'];
  if (country !== undefined) where.push(`(country_iso3 = ${params.add(country)} or country_iso3 is null)`);
  if (!all) where.push('is_active');
  return db.query<ResponsibleBody>(
    `select ${COLUMNS} from responsible_bodies where ${where.join(' and ')} order by country_iso3 nulls last, name_ar, id`,
    params.values,
  );
}

/** 409 naming name_ar when the country (or the international list) already has a body of that Arabic name. */
async function assertNameFree(tx: Queryable, country: string | null, name: string, except: number | null): Promise<void> {
  const [taken] = await tx.query<{ id: number }>(
    `select id from responsible_bodies
      where coalesce(country_iso3, '---') = coalesce($1::text, '---') and lower(btrim(name_ar)) = lower(btrim($2)) and id is distinct from $3`,
    [country, name, except],
  );
  if (taken) {
    throw conflict(`name_ar: ${country ?? 'the international list'} already has a responsible body named "${name.trim()}" (id ${taken.id})`, {
      errors: [{ parameter: 'name_ar', message: 'another body of this country already has this name' }],
    });
  }
}

export async function insertBody(tx: Queryable, fields: NewResponsibleBody): Promise<ResponsibleBody> {
  if (fields.country_iso3 !== null) {
    const [known] = await tx.query('select 1 from countries where iso3 = $1', [fields.country_iso3]);
    if (!known) throw invalidParameter('country_iso3', `"${fields.country_iso3}" is not a country Marsad knows`);
  }
  await assertNameFree(tx, fields.country_iso3, fields.name_ar, null);
  const [row] = await tx.query<ResponsibleBody>(
    `insert into responsible_bodies (country_iso3, kind, name_ar, name_en) values ($1, $2, $3, $4) returning ${COLUMNS}`,
    [fields.country_iso3, fields.kind, fields.name_ar, fields.name_en ?? null],
  );
  return row!;
}

/** `PATCH /api/responsible-bodies/{id}`: the fields sent; 409 with current_version if it changed since `version`. */
export async function changeBody(tx: Queryable, id: number, change: ResponsibleBodyChange): Promise<ResponsibleBody> {
  const [current] = await tx.query<{ version: number; country_iso3: string | null }>('select version, country_iso3 from responsible_bodies where id = $1 for update', [id]);
  if (!current) throw bodyNotFound(id);
  if (current.version !== change.version) {
    throw conflict(`Responsible body ${id} is at version ${current.version}, not ${change.version}: someone else changed it since. Reload it and try again.`, {
      current_version: current.version,
    });
  }
  if (change.name_ar !== undefined) await assertNameFree(tx, current.country_iso3, change.name_ar, id);
  const columns = FIELDS.filter((k) => change[k] !== undefined);
  const params = new SqlParams([id]);
  const set = [...columns.map((k) => `${k} = ${params.add(change[k])}`), 'version = version + 1'];
  const [row] = await tx.query<ResponsibleBody>(
    columns.length ? `update responsible_bodies set ${set.join(', ')} where id = $1 returning ${COLUMNS}` : `select ${COLUMNS} from responsible_bodies where id = $1`,
    params.values,
  );
  return row!;
}
