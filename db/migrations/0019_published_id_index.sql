-- Pages of published projects in id order (OGC API items and exports for anonymous callers and
-- public GIS clients) from a small index, instead of reading every project's wide row up to the
-- page's offset to see which are published.
create index projects_published_id_idx on projects (id) where is_published;
