-- Free-text search over projects in Arabic and English, forgiving of the ways Arabic is spelled.

create extension if not exists pg_trgm;

-- Folds the spelling variants users type interchangeably: alef forms (أ إ آ ٱ → ا), alef
-- maqsura (ى → ي), taa marbuta (ة → ه), hamza seats (ؤ → و, ئ → ي); drops tatweel and the
-- diacritics (harakat, shadda, sukun, superscript alef); lower-cases Latin; squeezes spaces.
-- So "مصراته" finds "مصراتة" and "اعادة" finds "إعادة".
create function normalize_search_text(input text) returns text
language sql immutable strict parallel safe as $$
  select regexp_replace(
           translate(lower(input), 'أإآٱىةؤئـًٌٍَُِّْٰ', 'اااايهوي'),
           '\s+', ' ', 'g')
$$;
comment on function normalize_search_text(text) is 'Normal form for Arabic/English search: see 0009_project_search.sql.';

alter table projects
  add column search_text text generated always as (
    -- || rather than concat_ws: a generated column needs immutable parts, and concat_ws is only stable.
    normalize_search_text(code || ' ' || title_ar || ' ' || title_en || ' '
                          || coalesce(description_ar, '') || ' ' || coalesce(description_en, ''))
  ) stored;
comment on column projects.search_text is 'Normalised code, titles and descriptions, for ILIKE search with a trigram index.';

create index projects_search_idx on projects using gin (search_text gin_trgm_ops);
