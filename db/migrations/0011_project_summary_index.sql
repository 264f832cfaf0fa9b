-- Summaries aggregate every visible project, and project rows are wide (geometry, bilingual
-- descriptions, search text). This index holds just what summaries, filters and choropleth
-- tiles read, so PostgreSQL can answer them with an index-only scan of a few MB instead of
-- reading the whole table.
create index projects_summary_idx on projects (admin_area_id)
  include (id, is_published, country_iso3, kind, sector_code, status, budget, physical_progress, financial_progress,
           planned_start, planned_end, actual_start, actual_end, last_update_on, created_at);
