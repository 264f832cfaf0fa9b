import type { PlanMatrix } from '@marsad/contracts';
import type { Database } from '@marsad/db';
import { signIn } from './benchLoad.ts';

/**
 * The plan figures of `pnpm bench`: the matrix of one country-year (every governorate × every
 * indicator of the catalogue) uncached, as a minister, a donor and under a sector filter, and a
 * cell's detail and an indicator's series. When the database holds no plan for Syria this year
 * (a benchmark database seeded before plans existed), one is written first: every governorate ×
 * every indicator, with targets of the same order as the data.
 */
export async function benchPlans(base: string, db: Database, repeat: number, median: (v: number[]) => number): Promise<[string, string][]> {
  const year = new Date().getUTCFullYear();
  await ensurePlan(db, 'SYR', year);
  const [minister, donor] = [await signIn(base, 'minister@marsad.demo'), await signIn(base, 'donor.undp@marsad.demo')];
  const timeGet = async (path: string, cookie: string) => {
    const once = async () => {
      const res = await fetch(base + path, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const body = await once();
    const times: number[] = [];
    for (let i = 0; i < repeat; i += 1) {
      const started = performance.now();
      await once();
      times.push(performance.now() - started);
    }
    return { body, ms: median(times) };
  };
  const matrixPath = `/api/plans/SYR/${year}/matrix`;
  const ministerMatrix = await timeGet(matrixPath, minister);
  const shape = ministerMatrix.body as PlanMatrix;
  const size = `${shape.rows.length} governorates × ${shape.indicators.length} indicators`;
  const rows: [string, string][] = [[`Plan matrix, SYR ${year} (${size}), minister, uncached HTTP`, `${ministerMatrix.ms.toFixed(1)} ms`]];
  rows.push([`Plan matrix, SYR ${year}, donor (shared projects only), uncached HTTP`, `${(await timeGet(matrixPath, donor)).ms.toFixed(1)} ms`]);
  rows.push([`Plan matrix, SYR ${year}, one sector (water), uncached HTTP`, `${(await timeGet(`${matrixPath}?sector=water`, minister)).ms.toFixed(1)} ms`]);
  rows.push([`Plan cell detail (SY-HL, budget spent: its projects), uncached HTTP`, `${(await timeGet(`/api/plans/SYR/${year}/cells/SY-HL/budget_spent`, minister)).ms.toFixed(1)} ms`]);
  rows.push([`Plan series (service centres, the country, 12 months), uncached HTTP`, `${(await timeGet(`/api/plans/SYR/${year}/series/service_centres_opened`, minister)).ms.toFixed(1)} ms`]);
  return rows;
}

async function ensurePlan(db: Database, country: string, year: number): Promise<void> {
  const [existing] = await db.query('select 1 from plans where country_iso3 = $1 and year = $2', [country, year]);
  if (existing) return;
  console.log(`Writing a plan for ${country} ${year} (every governorate × every indicator) for the plan figures...`);
  await db.transaction(async (tx) => {
    const [plan] = await tx.query<{ id: number }>('insert into plans (country_iso3, year) values ($1, $2) returning id', [country, year]);
    const [version] = await tx.query<{ id: number }>(`insert into plan_versions (plan_id, number, status) values ($1, 1, 'draft') returning id`, [plan!.id]);
    // Targets of the data's own order: a flow's year target from the governorate's size, a rate's in percent.
    await tx.query(
      `insert into plan_targets (plan_version_id, admin_area_id, indicator_code, q1, q2, q3, q4)
       select $1, a.id, i.code, t * 0.2, t * 0.45, t * 0.7, t
         from admin_areas a cross join indicators i
         cross join lateral (select case when i.rollup = 'rate' then 80
                                         else greatest(1, round((select count(*) from projects p where p.admin_area_id = a.id) / 500.0)) end as t) target
        where a.country_iso3 = $2 and a.level = 1`,
      [version!.id, country],
    );
    await tx.query(`update plan_versions set status = 'approved', approved_at = now() where id = $1`, [version!.id]);
  });
}
