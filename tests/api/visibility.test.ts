import { ANONYMOUS, type Role, type Viewer } from '@marsad/api/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjects } from '../../api/src/projects/projectQueries.ts';
import { summarizeAll } from '../../api/src/summaries/summaryQueries.ts';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

/**
 * The one visibility rule, for every kind of viewer (accounts do not exist yet, so viewers are
 * built from the demo users directly). Lists and summaries must agree with it.
 */
describe('project visibility', () => {
  let t: TestDatabase;
  const viewerOf = async (email: string): Promise<Viewer> => {
    const [user] = await t.db.query<{ id: number; role: Role; organization_id: number }>(
      'select id, role, organization_id from users where email = $1',
      [email],
    );
    return { kind: 'user', userId: user!.id, role: user!.role, organizationId: user!.organization_id };
  };
  const visibleIds = async (viewer: Viewer) =>
    (await findProjects(t.db, { filter: {}, viewer, sort: 'code', limit: 100_000, offset: 0, withGeometry: false })).rows.map((r) => r.id).sort((a, b) => a - b);
  const ids = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ id: number }>(`${sql} order by id`, params)).map((r) => r.id);

  beforeAll(async () => {
    t = await freshDatabase('demo');
  });
  afterAll(() => t.close());

  it('shows anonymous callers the published projects only', async () => {
    expect(await visibleIds(ANONYMOUS)).toEqual(await ids('select id from projects where is_published'));
  });

  it('shows ministry staff and engineers everything', async () => {
    const all = await ids('select id from projects');
    for (const email of ['admin@marsad.demo', 'minister@marsad.demo', 'engineer.damascus@marsad.demo']) {
      expect(await visibleIds(await viewerOf(email)), email).toEqual(all);
    }
  });

  it('shows a donor exactly the projects shared with its organization, in lists and in aggregates', async () => {
    const undp = await viewerOf('donor.undp@marsad.demo');
    const giz = await viewerOf('donor.giz@marsad.demo');
    const sharedWith = (slug: string) =>
      ids(`select p.id from projects p where exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                                      where s.project_id = p.id and o.slug = $1)`, [slug]);
    const undpShared = await sharedWith('undp');
    expect(undpShared.length).toBeGreaterThan(50);
    expect(await visibleIds(undp)).toEqual(undpShared);
    expect(await visibleIds(giz)).toEqual(await sharedWith('giz'));
    expect((await summarizeAll(t.db, {}, undp)).projects).toBe(undpShared.length);
  });
});
