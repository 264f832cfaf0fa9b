import { FIELD_OBSTACLE_LIMIT, FieldBundle, FieldEstimate } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { createProject } from '../support/freshData.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * "Prepare for the field" (`/api/field/estimate`, `/api/field/bundle`): who takes what, through the
 * same read rule as every other read, and a bundle whose parts are exactly what the page's own
 * addresses answer (it writes them into its offline cache under those addresses).
 */
describe('field bundle', () => {
  const t = useTestApp('demo');

  const bundleOf = async (email: string, query = '') => FieldBundle.parse(await (await t.as(email)).json(`/api/field/bundle${query}`));
  const ids = (bundle: FieldBundle) => bundle.projects.map((p) => p.detail.id).sort((a, b) => a - b);

  it('refuses anonymous callers', async () => {
    for (const path of ['/api/field/bundle', '/api/field/estimate', '/api/field/version']) {
      const res = await t.anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it("gives an engineer their governorates' projects and nothing else; another governorate is refused", async () => {
    const engineer = await t.as(DEMO.engineer);
    const res = await engineer.get('/api/field/bundle');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bundle = FieldBundle.parse(await res.json());
    expect(bundle.governorates.map((g) => g.code)).toEqual(['SY-DI']);
    expect(bundle.projects.length).toBeGreaterThan(0);
    expect(new Set(bundle.projects.map((p) => p.detail.governorate))).toEqual(new Set(['SY-DI']));
    const list = await engineer.json<{ total: number }>('/api/projects?governorate=SY-DI&limit=1');
    expect(bundle.projects.length).toBe(list.total);

    const elsewhere = await engineer.get('/api/field/bundle?governorate=SY-HL');
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).detail).toMatch(/SY-HL is not among your governorates \(SY-DI\)/);
  });

  it('writes each part exactly as the address the page reads it from answers', async () => {
    const engineer = await t.as(DEMO.engineer);
    // As sent, not as the contract reads it: every field the addresses answer must be there.
    const bundle = await engineer.json<FieldBundle>('/api/field/bundle');
    const withReports = bundle.projects.filter((p) => p.progress.items.length > 0).slice(0, 4);
    expect(withReports.length).toBeGreaterThan(0);
    for (const project of [...withReports, bundle.projects.at(-1)!]) {
      const id = project.detail.id;
      expect(project.detail).toEqual(await engineer.json(`/api/projects/${id}`));
      expect(project.progress).toEqual(await engineer.json(`/api/projects/${id}/progress`));
      expect(project.history).toEqual(await engineer.json(`/api/projects/${id}/history`));
      expect(project.obstacles).toEqual(await engineer.json(`/api/obstacles?project=${id}&limit=${FIELD_OBSTACLE_LIMIT}`));
      expect(project.shares).toEqual(await engineer.json(`/api/projects/${id}/shares`));
    }
    expect(bundle.organizations).toEqual(await engineer.json('/api/organizations'));
    const zoneIds = bundle.projects.filter((p) => p.detail.zone !== null).map((p) => p.detail.id).sort((a, b) => a - b);
    expect(bundle.zones.map((z) => z.detail.id)).toEqual(zoneIds);
    for (const zone of bundle.zones) {
      expect(zone.detail).toEqual(await engineer.json(`/api/zones/${zone.detail.id}`));
      expect(zone.plots).toEqual(await engineer.json(`/api/zones/${zone.detail.id}/plots`));
    }
  });

  it('names the tiles over the governorate down to where every project has its own, and the estimate counts the bundle', async () => {
    const bundle = await bundleOf(DEMO.engineer);
    const [west, south, east, north] = bundle.governorates[0]!.bbox;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(bundle.tiles.coordinates).toContainEqual([0, 0, 0]);
    expect(bundle.tiles.max_zoom).toBeGreaterThanOrEqual(bundle.tiles.area_max_zoom);
    expect(Math.max(...bundle.tiles.coordinates.map(([z]) => z))).toBe(bundle.tiles.max_zoom);

    const estimate = FieldEstimate.parse(await (await t.as(DEMO.engineer)).json('/api/field/estimate'));
    expect(estimate).toMatchObject({
      projects: bundle.projects.length,
      reports: bundle.projects.reduce((n, p) => n + p.progress.items.length, 0),
      zones: bundle.zones.length,
      tiles: bundle.tiles.coordinates.length,
      tile_max_zoom: bundle.tiles.max_zoom,
      data_version: bundle.data_version,
    });
    expect(await (await t.as(DEMO.engineer)).json('/api/field/version')).toEqual({ data_version: bundle.data_version });
    expect(estimate.bundle_bytes).toBeGreaterThan(1000);
    expect(Math.abs(estimate.bundle_bytes - JSON.stringify(bundle).length * 1.0)).toBeLessThan(estimate.bundle_bytes * 0.2);
  });

  it('gives a donor only the projects shared with it', async () => {
    const admin = await t.as(DEMO.admin);
    const unshared = await createProject(admin, { geometry: pointIn('SY-DI'), is_published: false });
    const donor = await bundleOf(DEMO.undpDonor, '?governorate=SY-DI');
    const shared = await (await t.as(DEMO.undpDonor)).json<{ items: { id: number }[]; total: number }>('/api/projects?governorate=SY-DI&limit=1000');
    expect(ids(donor)).toEqual(shared.items.map((p) => p.id).sort((a, b) => a - b));
    expect(ids(donor)).not.toContain(unshared.id);
    expect(donor.projects.every((p) => p.shares === null)).toBe(true); // whom else a project is shared with: staff only
    const all = await bundleOf(DEMO.admin, '?governorate=SY-DI');
    expect(ids(all)).toContain(unshared.id);
    expect(ids(donor).length).toBeLessThan(ids(all).length);
  });

  it('asks other roles which governorates to take, and checks the codes', async () => {
    const minister = await t.as(DEMO.minister);
    const none = await minister.get('/api/field/estimate');
    expect(none.status).toBe(400);
    expect(JSON.stringify(await none.json())).toMatch(/governorate/);
    expect((await minister.get('/api/field/estimate?governorate=damascus')).status).toBe(400);
    const ok = FieldEstimate.parse(await minister.json('/api/field/estimate?governorate=SY-DI'));
    expect(ok.governorates.map((g) => g.code)).toEqual(['SY-DI']);
  });
});
