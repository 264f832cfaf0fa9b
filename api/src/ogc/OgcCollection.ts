import type { z } from '@hono/zod-openapi';
import type { Queryable } from '@marsad/db';
import type { Geometry } from 'geojson';
import type { Viewer } from '../access/Viewer.ts';
import type { DateRange } from './parseDatetime.ts';

/** A flat GeoJSON feature: scalar properties only, which desktop GIS shows best as attribute columns. */
export interface OgcFeature {
  type: 'Feature';
  id: string | number;
  geometry: Geometry;
  properties: Record<string, string | number | boolean | null>;
}

export interface BboxFilter {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface CollectionExtent {
  /** minLon, minLat, maxLon, maxLat of what the viewer may see; null when they may see nothing. */
  bbox: [number, number, number, number] | null;
  /** First and last day (YYYY-MM-DD) covered, either open; absent when the features have no time. */
  interval?: [string | null, string | null];
}

export interface FeaturesRequest<Filter> {
  filter: Filter;
  bbox?: BboxFilter;
  datetime?: DateRange;
  limit: number;
  offset: number;
}

/**
 * A page of features. `numberMatched` is left out when counting would cost more than the page
 * (OGC API Features makes it optional); `more` says whether features follow the page.
 */
export interface FeaturePageResult {
  numberMatched?: number;
  features: OgcFeature[];
  more: boolean;
}

/**
 * Above this many matches inside a bbox, numberMatched is left out: an exact spatial count
 * reads every matching row (ST_Intersects needs the geometry), which would cost far more than
 * the page itself. Counts without bbox read a narrow index and are always given.
 */
export const BBOX_COUNT_LIMIT = 1000;

/** What the collections list and collection pages say about a collection. */
export interface OgcCollectionInfo {
  id: string;
  title: string;
  titleAr: string;
  description: string;
  extent(db: Queryable, viewer: Viewer): Promise<CollectionExtent>;
}

/**
 * One collection of the OGC API: its description and how its features are read. Every read
 * goes through the viewer, so a collection can only serve what the viewer may see.
 */
export interface OgcCollection<Shape extends z.ZodRawShape> extends OgcCollectionInfo {
  /** The property filters its items accept as query parameters. */
  filters: z.ZodObject<Shape>;
  /** What `datetime` filters on, for the documentation; undefined when it has no time and ignores it. */
  datetimeMeaning?: string;
  /** Properties shown as columns of the HTML items table (the item page shows them all). */
  htmlColumns: string[];
  features(
    db: Queryable,
    viewer: Viewer,
    request: FeaturesRequest<z.output<z.ZodObject<Shape>>>,
  ): Promise<FeaturePageResult>;
  /** One feature by its id as given in the URL, or undefined (unknown and hidden look alike). */
  feature(db: Queryable, viewer: Viewer, featureId: string): Promise<OgcFeature | undefined>;
}
