import { z } from '@hono/zod-openapi';
import { BBOX_COUNT_LIMIT } from './OgcCollection.ts';

/** The shapes of the OGC API documents, for the OpenAPI definition. */

const link = z
  .object({ href: z.string(), rel: z.string(), type: z.string().optional(), title: z.string().optional() })
  .openapi('OgcLink');

const links = z.array(link);

const collection = z
  .object({
    id: z.string(),
    title: z.string(),
    title_ar: z.string().openapi({ description: 'The title in Arabic (an extension).' }),
    description: z.string(),
    itemType: z.literal('feature'),
    crs: z.array(z.string()),
    extent: z.object({
      spatial: z.object({ bbox: z.array(z.array(z.number()).length(4)), crs: z.string() }).optional(),
      temporal: z.object({ interval: z.array(z.array(z.string().nullable()).length(2)), trs: z.string() }).optional(),
    }),
    links,
  })
  .openapi('OgcCollection');

const feature = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]),
    geometry: z.record(z.string(), z.any()),
    properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    links: links.optional(),
  })
  .openapi('OgcFeature');

export const OgcSchemas = {
  landingPage: z.object({ title: z.string(), title_ar: z.string(), description: z.string(), links }).openapi('OgcLandingPage'),
  conformance: z.object({ conformsTo: z.array(z.string()), links }).openapi('OgcConformance'),
  collections: z.object({ links, collections: z.array(collection) }).openapi('OgcCollections'),
  collection,
  featureCollection: z
    .object({
      type: z.literal('FeatureCollection'),
      timeStamp: z.string(),
      numberMatched: z.number().int().optional().openapi({ description: `Left out for a bbox with more than ${BBOX_COUNT_LIMIT} matches` }),
      numberReturned: z.number().int(),
      links,
      features: z.array(feature),
    })
    .openapi('OgcFeatureCollection'),
  feature,
};
