import type { Organization, OrganizationKind, OrganizationOfAccount, SavedOrganization } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { invalidParameter, notFound } from '../http/problems.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** The SQL of organizations: their public list (routes/organizations.ts), and what admins change. */

/**
 * Every organization, or those of one kind, with the number of projects each funds that `viewer`
 * may see (counted through the one visibility rule). Only names and kinds: nothing about their people.
 */
export async function listOrganizations(db: Queryable, viewer: Viewer, kind: OrganizationKind | undefined): Promise<Organization[]> {
  const params = new SqlParams([kind ?? null]);
  return db.query<Organization>(
    `select o.slug, o.kind, o.name_en, o.name_ar, o.country_iso3 as country,
            (select count(*) from project_funding f join projects p on p.id = f.project_id
              where f.organization_id = o.id and ${projectFilterSql({}, viewer, params)})::integer as funded_projects
       from organizations o
      where $1::text is null or o.kind = $1
      order by o.kind, o.name_en`,
    params.values,
  );
}

/** The organization an account names by slug (400 naming `organization` when there is none). */
export async function organizationOf(tx: Queryable, slug: string): Promise<OrganizationOfAccount & { id: number }> {
  const [org] = await tx.query<OrganizationOfAccount & { id: number }>('select id, slug, kind from organizations where slug = $1', [slug]);
  if (!org) throw invalidParameter('organization', 'unknown organization', { detail: `organization: unknown ${slug}` });
  return org;
}

export async function createOrganization(
  tx: Queryable,
  organization: { slug: string; kind: string; name_en: string; name_ar: string; country: string | null },
): Promise<{ slug: string }> {
  const [created] = await tx.query<{ slug: string }>(
    `insert into organizations (slug, kind, name_en, name_ar, country_iso3) values ($1, $2, $3, $4, $5) returning slug`,
    [organization.slug, organization.kind, organization.name_en, organization.name_ar, organization.country],
  );
  return created!;
}

/** Renames an organization or changes its country (its kind and slug stay); 404 when there is none. */
export async function changeOrganization(
  tx: Queryable,
  slug: string,
  change: { name_en?: string | undefined; name_ar?: string | undefined; country?: string | null | undefined },
): Promise<SavedOrganization> {
  const [saved] = await tx.query<SavedOrganization>(
    `update organizations
        set name_en = coalesce($2, name_en), name_ar = coalesce($3, name_ar),
            country_iso3 = case when $5 then $4 else country_iso3 end
      where slug = $1
  returning slug, kind, name_en, name_ar, country_iso3 as country`,
    [slug, change.name_en ?? null, change.name_ar ?? null, change.country ?? null, change.country !== undefined],
  );
  if (!saved) throw notFound(`No organization ${slug}`);
  return saved;
}
