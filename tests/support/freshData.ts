import type { Client } from './client.ts';
import { pointIn } from './fixtures.ts';

/**
 * Fresh data for one test, made through the API as a given client: each `it` creates the
 * projects, accounts and organizations it changes, under names no other test uses, so no test
 * depends on what another wrote or on the order tests run in.
 */

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();
let made = 0;

/** A name no other test, file or run uses: `PREFIX-<run>-<n>`; a valid project code and slug once lower-cased. */
export function unique(prefix = 'T'): string {
  made += 1;
  return `${prefix}-${RUN}-${made}`;
}

/** Today as YYYY-MM-DD (UTC). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A new project's fields as the API takes them (a water project; no geometry). */
export const projectFields = (code: string = unique('TEST'), extra: Record<string, unknown> = {}) => ({
  code,
  kind: 'development_project',
  sector: 'water',
  title_ar: 'مشروع اختبار',
  title_en: 'Test project',
  ...extra,
});

/** Fails with the answer's body when its status is not the one expected. */
export async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${await res.text()}`);
  return res;
}

export interface CreatedProject {
  id: number;
  version: number;
  code: string;
  governorate: string;
}

/**
 * A new project, created by `client` through the API: a point in Damascus unless `fields` say
 * otherwise. With `status`, a progress report then moves it there (a project starts as planned).
 */
export async function createProject(
  client: Client,
  { status, ...fields }: Record<string, unknown> & { status?: string } = {},
): Promise<CreatedProject> {
  const body = projectFields(unique('TEST'), { geometry: pointIn('SY-DI'), ...fields });
  const res = await expectStatus(await client.post('/api/projects', body), 201, `creating project ${body.code}`);
  const saved = (await res.json()) as { id: number; version: number; governorate: string };
  const project = { id: saved.id, version: saved.version, code: body.code, governorate: saved.governorate };
  if (status === undefined || status === 'planned') return project;
  const reported = await expectStatus(await reportProgress(client, project, { status }), 201, `moving ${body.code} to ${status}`);
  return { ...project, version: ((await reported.json()) as { version: number }).version };
}

/** A progress report on `project` at its `version`: today, in progress, 10 % and 10 % unless `report` says otherwise. */
export function reportProgress(client: Client, project: { id: number; version: number }, report: Record<string, unknown> = {}): Promise<Response> {
  return client.post(`/api/projects/${project.id}/progress`, {
    reported_on: today(),
    status: 'in_progress',
    physical_progress: 10,
    financial_progress: 10,
    version: project.version,
    ...report,
  });
}

export interface CreatedAccount {
  id: number;
  email: string;
  password: string;
}

/** A new account, created by an admin's client: a viewer of the ministry unless told otherwise. */
export async function createAccount(
  admin: Client,
  { role = 'viewer', organization = 'ministry-syr', governorates }: { role?: string; organization?: string; governorates?: string[] } = {},
): Promise<CreatedAccount> {
  const email = `${unique(role).toLowerCase()}@example.org`;
  const password = 'a-long-secret-for-tests';
  const body = { email, display_name: `Account ${email}`, role, organization, password, ...(governorates ? { governorates } : {}) };
  const res = await expectStatus(await admin.post('/api/admin/users', body), 201, `creating account ${email}`);
  return { id: ((await res.json()) as { id: number }).id, email, password };
}

/** A new organization (a donor unless told otherwise), created by an admin's client; its slug. */
export async function createOrganization(admin: Client, kind = 'donor'): Promise<string> {
  const slug = unique('org').toLowerCase();
  const res = await admin.post('/api/admin/organizations', { slug, kind, name_en: `Organization ${slug}`, name_ar: `جهة ${slug}` });
  await expectStatus(res, 201, `creating organization ${slug}`);
  return slug;
}

/** GeoJSON features from `[properties, geometry]` pairs, as an import file holds them. */
export const featureCollection = (...features: [Record<string, unknown>, unknown][]) => ({
  type: 'FeatureCollection',
  features: features.map(([properties, geometry]) => ({ type: 'Feature', properties, geometry })),
});

/** Uploads a file to the project import (a dry run unless `query` says `?dry_run=false`). */
export function uploadImport(client: Client, name: string, content: string | Uint8Array, query = ''): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([content as BlobPart], name));
  return client.post(`/api/imports/projects${query}`, form);
}
