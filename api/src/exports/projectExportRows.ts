import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { indicatorSql } from '../projects/projectIndicators.ts';
import { PROJECT_SUMMARY_COLUMNS, type ProjectSummaryRow } from '../projects/projectQueries.ts';
import { orderBySql } from '../projects/projectSort.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/** Projects fetched per query while an export streams: bounds memory whatever the export's size. */
export const EXPORT_BATCH_SIZE = 5_000;

/** One exported project: the list's columns and what a spreadsheet or GIS needs besides. */
export interface ProjectExportRow extends Omit<ProjectSummaryRow, 'geometry' | 'is_published'> {
  /** budget × financial progress; null when the budget is unknown. */
  spent: number | null;
  /** Funding organizations' slugs, largest funder first, joined with `;`. */
  funders: string | null;
  /** A point on the geometry (`ST_PointOnSurface`), for tools that want one coordinate pair. */
  longitude: number;
  latitude: number;
  /** Made by the demo data generator: every export row says so, not just the XLSX's About sheet. */
  is_demo: boolean;
  /** The geometry as WKT, when asked for. */
  wkt?: string;
  /** The geometry as GeoJSON text, when asked for (sent as is, never parsed). */
  geojson?: string;
}

export type ExportGeometry = 'wkt' | 'geojson' | 'none';

export interface ProjectExportRequest {
  filter: ProjectFilter;
  viewer: Viewer;
  sort: string;
  geometry: ExportGeometry;
  batchSize?: number;
}

export interface ProjectExport {
  /** How many projects the export holds. */
  total: number;
  /** How many of them are demo data made by the generator. */
  demo: number;
  /** The rows, in order, a batch at a time. */
  batches(): AsyncGenerator<ProjectExportRow[]>;
}

const GEOMETRY_SQL: Record<ExportGeometry, string> = {
  wkt: ', ST_AsText(p.geom, 6) as wkt',
  // RFC 7946 asks for polygon rings by the right-hand rule: exterior counterclockwise.
  geojson: ', ST_AsGeoJSON(ST_ForcePolygonCCW(p.geom), 6) as geojson',
  none: '',
};

/**
 * Every project `viewer` may see under `filter`, in `sort` order, to stream without holding
 * the result in memory: one query finds the ids in order (the only thing kept), then each
 * batch of ids is read in full. Both queries go through `projectFilterSql`, so a project
 * unpublished meanwhile drops out rather than leaking.
 */
export async function planProjectExport(db: Queryable, request: ProjectExportRequest): Promise<ProjectExport> {
  const params = new SqlParams();
  const ids = await db.query<{ id: number; is_demo: boolean }>(
    `select p.id, p.is_demo, ${indicatorSql().delayDays} as delay_days
       from projects p
      where ${projectFilterSql(request.filter, request.viewer, params)}
      order by ${orderBySql(request.sort)}`,
    params.values,
  );
  const order = Float64Array.from(ids, (row) => row.id);
  const demo = ids.reduce((count, row) => count + (row.is_demo ? 1 : 0), 0);
  const batchSize = request.batchSize ?? EXPORT_BATCH_SIZE;

  const read = (start: number) => {
    const rows = readBatch(db, request, Array.from(order.subarray(start, start + batchSize)));
    // Read ahead, so it may fail before anyone awaits it (or be abandoned when the client goes
    // away): mark it handled now; whoever awaits it still gets the error.
    rows.catch(() => {});
    return rows;
  };

  async function* batches(): AsyncGenerator<ProjectExportRow[]> {
    // One batch is read ahead while the last is encoded and sent: at most two in memory.
    let ahead = order.length > 0 ? read(0) : undefined;
    for (let start = 0; ahead; start += batchSize) {
      const rows = await ahead;
      ahead = start + batchSize < order.length ? read(start + batchSize) : undefined;
      yield rows;
    }
  }
  return { total: order.length, demo, batches };
}

async function readBatch(db: Queryable, request: ProjectExportRequest, ids: number[]): Promise<ProjectExportRow[]> {
  const params = new SqlParams([ids]);
  const { spent } = indicatorSql();
  const rows = await db.query<ProjectExportRow & { is_published: boolean }>(
    `select ${PROJECT_SUMMARY_COLUMNS},
            case when p.budget is null then null else round(${spent}, 2) end as spent,
            funding.funders,
            round(ST_X(p.label_point)::numeric, 6) as longitude,
            round(ST_Y(p.label_point)::numeric, 6) as latitude,
            p.is_demo
            ${GEOMETRY_SQL[request.geometry]}
       from unnest($1::bigint[]) with ordinality as batch (id, position)
       join projects p on p.id = batch.id
       join admin_areas a on a.id = p.admin_area_id
       left join (select f.project_id, string_agg(o.slug, ';' order by f.amount desc, o.slug) as funders
                    from project_funding f join organizations o on o.id = f.organization_id
                   where f.project_id = any($1::bigint[])
                   group by f.project_id) funding on funding.project_id = p.id
      where ${projectFilterSql(request.filter, request.viewer, params)}
      order by batch.position`,
    params.values,
  );
  return rows.map(({ is_published: _published, ...row }) => row);
}
