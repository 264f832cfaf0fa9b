import type { Obstacle } from '@marsad/contracts';
import type { Client } from './client.ts';
import { expectStatus, unique } from './freshData.ts';

/** Obstacles made through the API for one test: each test raises its own, under a unique title. */

/** A new obstacle on `projectId`, raised by `client`: a medium contractor obstacle unless `fields` say otherwise. */
export async function raiseObstacle(client: Client, projectId: number, fields: Record<string, unknown> = {}): Promise<Obstacle> {
  const body = { project_id: projectId, title: unique('Obstacle'), category: 'contractor', severity: 'medium', ...fields };
  const res = await expectStatus(await client.post('/api/obstacles', body), 201, `raising obstacle ${body.title}`);
  return (await res.json()) as Obstacle;
}

/** A Syrian responsible body's id (from migration 0022's list), by its English name. */
export async function bodyId(client: Client, nameEn: string): Promise<number> {
  const { items } = await client.json<{ items: { id: number; name_en: string | null }[] }>('/api/responsible-bodies?country=SYR');
  const body = items.find((b) => b.name_en === nameEn);
  if (!body) throw new Error(`no responsible body named ${nameEn}`);
  return body.id;
}
