import { ZONE_KINDS } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { investorsVisible } from '../access/plotAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { plotColumnsSql, plotFromSql, plotWhereSql, type PlotFilter } from '../zones/plotFeatureSql.ts';
import type { ExportColumn } from './exportColumns.ts';
import { EXPORT_BATCH_SIZE } from './projectExportRows.ts';

/** One exported plot: what every viewer sees, and (ministry only) who holds it. */
export interface PlotExportRow {
  id: number;
  plot_number: string;
  zone_id: number;
  zone_code: string;
  zone_title_en: string;
  zone_title_ar: string;
  governorate: string;
  status: string;
  activity: string | null;
  activity_name_en: string | null;
  activity_name_ar: string | null;
  area_m2: number;
  allocated_on: string | null;
  planned_jobs: number | null;
  actual_jobs: number | null;
  planned_investment: number | null;
  actual_investment: number | null;
  currency: string;
  investor_name?: string | null;
  investor_name_en?: string | null;
  investor_kind?: string | null;
  investor_contact?: string | null;
  investor_phone?: string | null;
  investor_email?: string | null;
  wkt?: string;
  geojson?: string;
}

const PLOT_COLUMNS: readonly ExportColumn<PlotExportRow>[] = [
  { key: 'id', ar: 'المعرّف', type: 'integer', width: 8 },
  { key: 'plot_number', ar: 'رقم المقسم', type: 'text', width: 12 },
  { key: 'zone_id', ar: 'معرّف المنطقة', type: 'integer', width: 8 },
  { key: 'zone_code', ar: 'رمز المنطقة', type: 'text', width: 18 },
  { key: 'zone_title_ar', ar: 'المنطقة بالعربية', type: 'text', width: 32 },
  { key: 'zone_title_en', ar: 'المنطقة بالإنجليزية', type: 'text', width: 32 },
  { key: 'governorate', ar: 'رمز المحافظة', type: 'text', width: 10 },
  { key: 'status', ar: 'الحالة', type: 'text', width: 18 },
  { key: 'activity', ar: 'رمز النشاط', type: 'text', width: 18 },
  { key: 'activity_name_ar', ar: 'النشاط بالعربية', type: 'text', width: 28 },
  { key: 'activity_name_en', ar: 'النشاط بالإنجليزية', type: 'text', width: 28 },
  { key: 'area_m2', ar: 'المساحة (م²)', type: 'number', width: 12 },
  { key: 'allocated_on', ar: 'تاريخ التخصيص', type: 'date', width: 12 },
  { key: 'planned_jobs', ar: 'فرص العمل المخططة', type: 'integer', width: 10 },
  { key: 'actual_jobs', ar: 'فرص العمل الفعلية', type: 'integer', width: 10 },
  { key: 'planned_investment', ar: 'الاستثمار المخطط', type: 'money', width: 16 },
  { key: 'actual_investment', ar: 'الاستثمار الفعلي', type: 'money', width: 16 },
  { key: 'currency', ar: 'العملة', type: 'text', width: 8 },
];

/** Who holds the plot: ministry viewers only (investorsVisible). */
const INVESTOR_COLUMNS: readonly ExportColumn<PlotExportRow>[] = [
  { key: 'investor_name', ar: 'المستثمر', type: 'text', width: 32 },
  { key: 'investor_name_en', ar: 'المستثمر بالإنجليزية', type: 'text', width: 32 },
  { key: 'investor_kind', ar: 'نوع المستثمر', type: 'text', width: 10 },
  { key: 'investor_contact', ar: 'جهة الاتصال', type: 'text', width: 24 },
  { key: 'investor_phone', ar: 'الهاتف', type: 'text', width: 16 },
  { key: 'investor_email', ar: 'البريد الإلكتروني', type: 'text', width: 24 },
];

const WKT_COLUMN: ExportColumn<PlotExportRow> = { key: 'wkt', ar: 'الشكل الهندسي (WKT)', type: 'text', width: 40 };

/**
 * The columns of a plot export as `viewer` may read it, in order: the investor columns exist
 * for the ministry only (for anyone else they are not even headers). CSV ends with the WKT;
 * GeoJSON uses the keys but the WKT as flat properties; the spreadsheet leaves the WKT out.
 */
export function plotExportColumns(viewer: Viewer, geometry: 'wkt' | 'none'): ExportColumn<PlotExportRow>[] {
  return [...PLOT_COLUMNS, ...(investorsVisible(viewer) ? INVESTOR_COLUMNS : []), ...(geometry === 'wkt' ? [WKT_COLUMN] : [])];
}

export interface PlotExport {
  total: number;
  batches(): AsyncGenerator<PlotExportRow[]>;
}

const GEOMETRY_SQL = {
  wkt: ', ST_AsText(zp.geom, 7) as wkt',
  geojson: ', ST_AsGeoJSON(ST_ForcePolygonCCW(zp.geom), 7) as geojson',
  none: '',
} as const;

/**
 * Every plot `viewer` may see under `filter`, by zone code and plot number, to stream like the
 * project export: the ordered ids first, then each batch read in full (through the same
 * visibility rule again, so a zone hidden meanwhile drops out).
 */
export async function planPlotExport(
  db: Queryable,
  request: { filter: PlotFilter; viewer: Viewer; geometry: keyof typeof GEOMETRY_SQL; batchSize?: number },
): Promise<PlotExport> {
  const params = new SqlParams();
  const ids = await db.query<{ id: number }>(
    `select zp.id from zone_plots zp join projects p on p.id = zp.zone_id
      where ${plotWhereSql(request.filter, request.viewer, params)}
      order by p.code, zp.plot_number, zp.id`,
    params.values,
  );
  const order = Float64Array.from(ids, (row) => row.id);
  const batchSize = request.batchSize ?? EXPORT_BATCH_SIZE;
  const read = async (start: number) => {
    const batch = Array.from(order.subarray(start, start + batchSize));
    const batchParams = new SqlParams([batch]);
    return db.query<PlotExportRow>(
      `select ${plotColumnsSql(request.viewer, 'contacts')}${GEOMETRY_SQL[request.geometry]}
         from unnest($1::bigint[]) with ordinality as batch (id, position)
         join ${plotFromSql(request.viewer)} on zp.id = batch.id
        where ${plotWhereSql({}, request.viewer, batchParams)}
        order by batch.position`,
      batchParams.values,
    );
  };
  async function* batches(): AsyncGenerator<PlotExportRow[]> {
    for (let start = 0; start < order.length; start += batchSize) yield await read(start);
  }
  return { total: order.length, batches };
}

/** One row of the spreadsheet's Zones sheet: the zone, its derived totals, and each network's stage. */
export interface ZoneSheetRow {
  id: number;
  code: string;
  kind: string;
  title_ar: string;
  title_en: string;
  governorate: string;
  status: string;
  development: string;
  area_ha: number | null;
  plots_total: number;
  plots_vacant: number;
  plots_reserved: number;
  plots_allocated: number;
  plots_under_construction: number;
  plots_in_production: number;
  occupancy: number | null;
  plots_area_m2: number;
  vacant_area_m2: number;
  jobs_planned: number;
  jobs_actual: number;
  investment_planned: number;
  investment_actual: number;
  currency: string;
  water_stage: string | null;
  water_readiness: number;
  electricity_stage: string | null;
  electricity_readiness: number;
  roads_stage: string | null;
  roads_readiness: number;
  sewage_stage: string | null;
  sewage_readiness: number;
  telecoms_stage: string | null;
  telecoms_readiness: number;
  readiness: number;
}

const NETWORKS = ['water', 'electricity', 'roads', 'sewage', 'telecoms'] as const;
const NETWORK_AR = { water: 'المياه', electricity: 'الكهرباء', roads: 'الطرق', sewage: 'الصرف الصحي', telecoms: 'الاتصالات' } as const;

export const ZONE_SHEET_COLUMNS: readonly ExportColumn<ZoneSheetRow>[] = [
  { key: 'id', ar: 'المعرّف', type: 'integer', width: 8 },
  { key: 'code', ar: 'الرمز', type: 'text', width: 18 },
  { key: 'kind', ar: 'النوع', type: 'text', width: 16 },
  { key: 'title_ar', ar: 'العنوان بالعربية', type: 'text', width: 36 },
  { key: 'title_en', ar: 'العنوان بالإنجليزية', type: 'text', width: 36 },
  { key: 'governorate', ar: 'رمز المحافظة', type: 'text', width: 10 },
  { key: 'status', ar: 'الحالة', type: 'text', width: 12 },
  { key: 'development', ar: 'جديدة أو إعادة تأهيل', type: 'text', width: 14 },
  { key: 'area_ha', ar: 'المساحة (هكتار)', type: 'number', width: 10 },
  { key: 'plots_total', ar: 'عدد المقاسم', type: 'integer', width: 8 },
  { key: 'plots_vacant', ar: 'مقاسم شاغرة', type: 'integer', width: 8 },
  { key: 'plots_reserved', ar: 'مقاسم محجوزة', type: 'integer', width: 8 },
  { key: 'plots_allocated', ar: 'مقاسم مخصصة (مع قيد الإنشاء والمنتجة)', type: 'integer', width: 8 },
  { key: 'plots_under_construction', ar: 'مقاسم قيد الإنشاء', type: 'integer', width: 8 },
  { key: 'plots_in_production', ar: 'مقاسم منتجة', type: 'integer', width: 8 },
  { key: 'occupancy', ar: 'نسبة الإشغال (%)', type: 'percent', width: 10 },
  { key: 'plots_area_m2', ar: 'مساحة المقاسم (م²)', type: 'number', width: 12 },
  { key: 'vacant_area_m2', ar: 'المساحة الشاغرة (م²)', type: 'number', width: 12 },
  { key: 'jobs_planned', ar: 'فرص العمل المخططة', type: 'integer', width: 10 },
  { key: 'jobs_actual', ar: 'فرص العمل الفعلية', type: 'integer', width: 10 },
  { key: 'investment_planned', ar: 'الاستثمار المخطط', type: 'money', width: 16 },
  { key: 'investment_actual', ar: 'الاستثمار الفعلي', type: 'money', width: 16 },
  { key: 'currency', ar: 'العملة', type: 'text', width: 8 },
  ...NETWORKS.flatMap((network): ExportColumn<ZoneSheetRow>[] => [
    { key: `${network}_stage`, ar: `مرحلة ${NETWORK_AR[network]}`, type: 'text', width: 18 },
    { key: `${network}_readiness`, ar: `جاهزية ${NETWORK_AR[network]} (%)`, type: 'percent', width: 10 },
  ]),
  { key: 'readiness', ar: 'الجاهزية (متوسط الشبكات، %)', type: 'percent', width: 10 },
];

/**
 * The zones `viewer` may see under the export's project filter (the Projects sheet's own zones),
 * by code, with their facts, the totals derived from plots and each network's current stage,
 * a batch at a time.
 */
export async function planZoneSheet(db: Queryable, filter: ProjectFilter, viewer: Viewer, batchSize = EXPORT_BATCH_SIZE) {
  const params = new SqlParams();
  const kinds = filter.kind ? filter.kind.filter((kind) => (ZONE_KINDS as readonly string[]).includes(kind)) : [...ZONE_KINDS];
  const ids = (
    await db.query<{ id: number }>(
      `select p.id from projects p where ${projectFilterSql({ ...filter, kind: kinds }, viewer, params)} order by p.code, p.id`,
      params.values,
    )
  ).map((row) => row.id);
  async function* batches(): AsyncGenerator<ZoneSheetRow[]> {
    for (let start = 0; start < ids.length; start += batchSize) {
      const batchParams = new SqlParams([ids.slice(start, start + batchSize)]);
      yield db.query<ZoneSheetRow>(
        `select p.id, p.code, p.kind, p.title_ar, p.title_en, a.code as governorate, p.status, z.development, z.area_ha,
                z.plots_total, z.plots_vacant, z.plots_reserved, z.plots_allocated, z.plots_under_construction, z.plots_in_production,
                z.occupancy, z.plots_area_m2, z.vacant_area_m2, z.jobs_planned, z.jobs_actual, z.investment_planned, z.investment_actual,
                p.currency,
                ${NETWORKS.map((n) => `(select u.stage from zone_utilities u where u.zone_id = p.id and u.network = '${n}') as ${n}_stage, z.${n}_readiness`).join(',\n                ')},
                z.readiness
           from unnest($1::bigint[]) with ordinality as batch (id, position)
           join projects p on p.id = batch.id
           join zone_facts z on z.project_id = p.id
           join admin_areas a on a.id = p.admin_area_id
          where ${projectFilterSql({}, viewer, batchParams)}
          order by batch.position`,
        batchParams.values,
      );
    }
  }
  return { total: ids.length, batches };
}
