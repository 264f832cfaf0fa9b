import type { FundingInput } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { invalidParameters } from '../http/problems.ts';

/**
 * Makes a project's funding exactly `rows`: rows that went are deleted, changed ones updated, new
 * ones inserted, so the audit log records each change on its own. Unknown organizations are the
 * client's error (400), raised before anything is written.
 */
export async function setFunding(tx: Queryable, projectId: number, rows: FundingInput): Promise<void> {
  const slugs = rows.map((r) => r.organization);
  const known = await tx.query<{ id: number; slug: string }>('select id, slug from organizations where slug = any($1::text[])', [slugs]);
  const ids = new Map(known.map((o) => [o.slug, o.id]));
  const unknown = rows.flatMap((r, i) => (ids.has(r.organization) ? [] : [{ parameter: `funding.${i}.organization`, message: `unknown organization ${r.organization}` }]));
  if (unknown.length) throw invalidParameters(unknown);

  const [project] = await tx.query<{ currency: string }>('select currency from projects where id = $1', [projectId]);
  const keep = rows.map((r) => ids.get(r.organization)!);
  await tx.query('delete from project_funding where project_id = $1 and not (organization_id = any($2::int[]))', [projectId, keep]);
  for (const row of rows) {
    await tx.query(
      `insert into project_funding (project_id, organization_id, amount, currency) values ($1, $2, $3, $4)
       on conflict (project_id, organization_id) do update set amount = excluded.amount, currency = excluded.currency
        where (project_funding.amount, project_funding.currency) is distinct from (excluded.amount, excluded.currency)`,
      [projectId, ids.get(row.organization)!, row.amount, row.currency ?? project!.currency],
    );
  }
}
