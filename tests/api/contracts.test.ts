import {
  AdminUserList,
  ClientConfig,
  CountryCollection,
  CountrySummaries,
  GovernorateCollection,
  GovernorateDetail,
  GovernorateLabelCollection,
  GovernorateSummaries,
  GovernorateTimeline,
  HistoryList,
  OrganizationList,
  ProgressReportList,
  ProjectDetail,
  ProjectPage,
  ProjectShareList,
  SavedProject,
  SignedIn,
} from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * The page parses every answer with the schema the route declares (@marsad/contracts): what the
 * server sends must parse, or the page shows an error instead of the data.
 */
interface Schema {
  safeParse(body: unknown): { success: boolean; error?: { issues: unknown[] } };
}

async function expectParses(client: Client, path: string, schema: Schema): Promise<void> {
  const body = await client.json(path);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues.slice(0, 3), `GET ${path}`).toBeUndefined();
}

describe('answers parse with the contracts the page reads them by', () => {
  const t = useTestApp('demo');

  it('the first view: boundaries, config, organizations, summaries', async () => {
    for (const client of [t.anonymous, await t.as(DEMO.undpDonor)]) {
      await expectParses(client, '/api/boundaries/countries', CountryCollection);
      await expectParses(client, '/api/boundaries/governorates', GovernorateCollection);
      await expectParses(client, '/api/boundaries/labels', GovernorateLabelCollection);
      await expectParses(client, '/api/config', ClientConfig);
      await expectParses(client, '/api/organizations', OrganizationList);
      await expectParses(client, '/api/organizations?kind=donor', OrganizationList);
      await expectParses(client, '/api/summaries/countries', CountrySummaries);
      await expectParses(client, '/api/summaries/governorates?status=in_progress', GovernorateSummaries);
      await expectParses(client, '/api/summaries/governorates/SY-DI', GovernorateDetail);
      await expectParses(client, '/api/summaries/governorates/SY-DI/timeline', GovernorateTimeline);
    }
  });

  it('projects, one project, its history, progress and shares, the session and the accounts', async () => {
    const admin = await t.as(DEMO.admin);
    await expectParses(admin, '/api/auth/me', SignedIn);
    await expectParses(admin, '/api/admin/users', AdminUserList);
    for (const sort of ['-delay', '-budget']) await expectParses(admin, `/api/projects?limit=500&sort=${sort}`, ProjectPage);
    const page = await admin.json<{ items: { id: number; kind: string }[] }>('/api/projects?limit=500');
    // A zone (with its facts), a project with progress reports, and one of each kind.
    const ids = new Set(['industrial_zone', 'craft_zone', 'development_project', 'service_centre'].flatMap((kind) => page.items.filter((p) => p.kind === kind).slice(0, 2).map((p) => p.id)));
    for (const id of ids) {
      await expectParses(admin, `/api/projects/${id}`, ProjectDetail);
      await expectParses(admin, `/api/projects/${id}/history`, HistoryList);
      await expectParses(admin, `/api/projects/${id}/progress`, ProgressReportList);
      await expectParses(admin, `/api/projects/${id}/shares`, ProjectShareList);
    }
  });

  it('a new project with nothing but what is required (no planned end: not delayed)', async () => {
    const engineer = await t.as(DEMO.engineer);
    const res = await engineer.post('/api/projects', {
      code: 'SY-DI-2099-0042',
      kind: 'development_project',
      sector: 'water',
      title_ar: 'مشروع بلا موعد',
      title_en: 'A project without dates',
      geometry: pointIn('SY-DI'),
    });
    expect(res.status).toBe(201);
    const saved = await res.json();
    expect(SavedProject.safeParse(saved).success).toBe(true);
    await expectParses(engineer, `/api/projects/${saved.id}`, ProjectDetail);
    expect((await engineer.json<{ delayed: unknown }>(`/api/projects/${saved.id}`)).delayed).toBe(false);
    await expectParses(engineer, '/api/projects?governorate=SY-DI&limit=1000', ProjectPage);
  });
});
