import type { ProjectShare } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { invalidParameter } from '../../http/problems.ts';

/** The SQL of project shares (table project_shares): which donors and partners see a project. */

/** Who may see whom a project is shared with: staff, not donors (one donor must not learn which others see a project). */
export const SHARE_READER_ROLES = ['admin', 'minister', 'viewer', 'planner', 'engineer'] as const;

/** The organizations a project is shared with, by slug. */
export function listShares(db: Queryable, projectId: number): Promise<ProjectShare[]> {
  return db.query<ProjectShare>(
    `select o.slug as organization, o.name_ar, o.name_en, o.kind,
            to_char(s.shared_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as shared_at, u.display_name as shared_by
       from project_shares s
       join organizations o on o.id = s.organization_id
       left join users u on u.id = s.shared_by
      where s.project_id = $1
      order by o.slug`,
    [projectId],
  );
}

/** The id of the organization a project may be shared with: a donor or a partner (else 400 naming `organization`). */
export async function shareReceiverId(tx: Queryable, slug: string): Promise<number> {
  const [org] = await tx.query<{ id: number; kind: string }>('select id, kind from organizations where slug = $1', [slug]);
  if (!org) throw invalidParameter('organization', `unknown value: ${slug}`);
  if (org.kind !== 'donor' && org.kind !== 'partner') {
    throw invalidParameter('organization', 'must be a donor or partner', {
      detail: `organization: ${slug} is a ${org.kind}; projects are shared with donors and partners`,
    });
  }
  return org.id;
}

/** Shares a project; sharing twice changes nothing. */
export async function share(tx: Queryable, projectId: number, organizationId: number, actorId: number): Promise<void> {
  await tx.query(
    `insert into project_shares (project_id, organization_id, shared_by) values ($1, $2, $3)
     on conflict (project_id, organization_id) do nothing`,
    [projectId, organizationId, actorId],
  );
}

/** Stops sharing a project; unsharing what is not shared changes nothing. */
export async function unshare(tx: Queryable, projectId: number, organizationId: number): Promise<void> {
  await tx.query('delete from project_shares where project_id = $1 and organization_id = $2', [projectId, organizationId]);
}
