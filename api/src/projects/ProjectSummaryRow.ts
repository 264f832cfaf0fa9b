import type { Geometry } from 'geojson';

/** One project as lists, tiles' popups and exports show it; shared with the web app as its type. */
export interface ProjectSummaryRow {
  id: number;
  code: string;
  kind: string;
  sector: string;
  title_ar: string;
  title_en: string;
  status: string;
  physical_progress: number;
  financial_progress: number;
  budget: number | null;
  currency: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  last_update_on: string | null;
  is_published: boolean;
  country: string;
  governorate: string;
  governorate_name_ar: string;
  governorate_name_en: string;
  delayed: boolean;
  stale: boolean;
  delay_days: number;
  geometry?: Geometry;
}
