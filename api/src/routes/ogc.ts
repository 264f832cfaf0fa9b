import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorHandler } from '../http/errorHandler.ts';
import { notFound, type ProblemDetails } from '../http/problems.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import type { Html } from '../ogc/htmlPage.ts';
import type { OgcCollection } from '../ogc/OgcCollection.ts';
import { governoratesCollection, OGC_COLLECTIONS, plotsCollection, projectsCollection, zonesCollection } from '../ogc/ogcCollections.ts';
import {
  collectionDocument,
  collectionsDocument,
  conformanceDocument,
  featureCollectionDocument,
  featureDocument,
  landingPage,
} from '../ogc/ogcDocuments.ts';
import { collectionHtml, collectionsHtml, conformanceHtml, itemHtml, itemsHtml, landingHtml, problemHtml } from '../ogc/ogcHtml.ts';
import { FormatQuery, ItemsQuery } from '../ogc/ogcItemsQuery.ts';
import { GEOJSON_TYPE, JSON_TYPE } from '../ogc/ogcLinks.ts';
import { outputFormat, type OutputFormat } from '../ogc/outputFormat.ts';
import { OgcSchemas } from '../ogc/ogcSchemas.ts';
import { rejectUnknownParameters } from '../ogc/rejectUnknownParameters.ts';
import { pageSize } from '../projects/pageQuery.ts';

const tags = ['OGC API – Features'];

const jsonOrHtml = (schema: z.ZodType, jsonType = JSON_TYPE) => ({ [jsonType]: { schema }, 'text/html': { schema: z.string() } });
const BAD_REQUEST = { 400: { description: 'An invalid or unknown parameter (problem+json naming it)' } };
const NOT_FOUND = { 404: { description: 'No such collection or feature, or not visible to you (problem+json)' } };

/** The same document as JSON or as an HTML page, by `f` or the Accept header. */
function send(c: Context<AppEnv>, format: OutputFormat, doc: unknown, page: () => Html, jsonType = JSON_TYPE) {
  c.header('vary', 'Accept');
  if (format === 'html') return c.html(page());
  return c.body(JSON.stringify(doc), 200, { 'content-type': jsonType });
}

const formatOf = (c: Context<AppEnv>, f: string | undefined) => outputFormat(f, c.req.header('accept'));

/** Builds the document for the asked format (by `f`, else Accept) and sends it as JSON or as its HTML page. */
async function sendDocument<Doc>(
  c: Context<AppEnv>,
  f: string | undefined,
  build: (format: OutputFormat) => Doc | Promise<Doc>,
  page: (doc: Doc, url: string) => Html,
) {
  const format = formatOf(c, f);
  const doc = await build(format);
  return send(c, format, doc, () => page(doc, c.req.url));
}

/** A GET of one document, JSON or HTML, whose only parameter is `f`. */
const documentRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, description: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags,
    summary,
    middleware: [rejectUnknownParameters(['f'])],
    request: { query: FormatQuery },
    responses: { 200: { description, content: jsonOrHtml(schema) }, ...BAD_REQUEST },
  });

/** /collections/{id}, its items and each item, for one collection. */
function collectionRoutes<Shape extends z.ZodRawShape>(collection: OgcCollection<Shape>) {
  const itemsQuery = ItemsQuery.extend(collection.filters.shape).extend({
    datetime: ItemsQuery.shape.datetime.openapi({
      description: collection.datetimeMeaning ?? 'Accepted and ignored: these features have no time.',
    }),
  });
  const FeatureParams = z.object({
    featureId: z.string().openapi({ param: { name: 'featureId', in: 'path' }, description: 'The feature id' }),
  });
  const title = collection.title;

  return createRouter()
    .openapi(
      documentRoute('/', `The ${collection.id} collection: description, extent, links`, title, OgcSchemas.collection),
      (c) =>
        sendDocument(
          c,
          c.req.valid('query').f,
          async () => collectionDocument(collection, await collection.extent(c.var.db, c.var.viewer), c.req.url),
          collectionHtml,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items',
        tags,
        summary: `Features of ${collection.id}, a page at a time`,
        description: 'Follow the `next` link to read to the end; it carries every parameter on. Unknown parameters are a 400.',
        middleware: [rejectUnknownParameters(Object.keys(itemsQuery.shape))],
        request: { query: itemsQuery },
        responses: { 200: { description: 'A GeoJSON FeatureCollection', content: jsonOrHtml(OgcSchemas.featureCollection, GEOJSON_TYPE) }, ...BAD_REQUEST, ...NOT_FOUND },
      }),
      async (c) => {
        const { bbox, 'bbox-crs': _bboxCrs, datetime, limit, offset, f, ...filter } = c.req.valid('query') as z.output<typeof ItemsQuery> &
          z.output<z.ZodObject<Shape>>;
        const format = formatOf(c, f);
        const size = pageSize(limit, c.var.config);
        const { numberMatched, features, more } = await collection.features(c.var.db, c.var.viewer, {
          filter: filter as z.output<z.ZodObject<Shape>>,
          bbox,
          datetime,
          limit: size,
          offset,
        });
        const doc = featureCollectionDocument({ collection, numberMatched, more, features, limit: size, offset }, c.req.url, format);
        return send(c, format, doc, () => itemsHtml(doc, { id: collection.id, title, columns: collection.htmlColumns }, c.req.url), GEOJSON_TYPE);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items/{featureId}',
        tags,
        summary: `One feature of ${collection.id}`,
        middleware: [rejectUnknownParameters(['f'])],
        request: { params: FeatureParams, query: ItemsQuery.pick({ f: true }) },
        responses: { 200: { description: 'A GeoJSON Feature', content: jsonOrHtml(OgcSchemas.feature, GEOJSON_TYPE) }, ...BAD_REQUEST, ...NOT_FOUND },
      }),
      async (c) => {
        const { featureId } = c.req.valid('param');
        const format = formatOf(c, c.req.valid('query').f);
        const feature = await collection.feature(c.var.db, c.var.viewer, featureId);
        if (!feature) throw notFound(`No feature "${featureId}" in ${collection.id} is visible to you`);
        const doc = featureDocument(feature, collection, c.req.url, format);
        return send(c, format, doc, () => itemHtml(doc, { id: collection.id, title }, c.req.url), GEOJSON_TYPE);
      },
    );
}

const unknownCollection = (c: Context<AppEnv>) => {
  const id = c.req.param('collectionId') ?? '';
  if (OGC_COLLECTIONS.some((collection) => collection.id === id)) throw notFound(`No resource at ${c.req.path}`);
  const ids = OGC_COLLECTIONS.map((collection) => collection.id).join(', ');
  throw notFound(`No collection "${id}": the collections are ${ids}`);
};

/**
 * OGC API – Features, Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0), for QGIS, GDAL/OGR and other
 * GIS clients. Mounted at /ogc (see OGC_ROOT). Every resource is JSON or HTML by `f` or Accept.
 */
export const ogc = createRouter();

ogc
  .openapi(
    documentRoute('/', 'OGC API – Features landing page', 'Links to the API definition, conformance and collections', OgcSchemas.landingPage),
    (c) => sendDocument(c, c.req.valid('query').f, (format) => landingPage(c.req.url, format), landingHtml),
  )
  .openapi(
    documentRoute('/conformance', 'The conformance classes implemented', 'Conformance classes', OgcSchemas.conformance),
    (c) => sendDocument(c, c.req.valid('query').f, (format) => conformanceDocument(c.req.url, format), conformanceHtml),
  )
  .openapi(
    documentRoute('/collections', 'The feature collections, with their extents as you may see them', 'Collections', OgcSchemas.collections),
    (c) =>
      sendDocument(
        c,
        c.req.valid('query').f,
        async (format) => {
          const collections = [];
          for (const collection of OGC_COLLECTIONS) {
            collections.push(collectionDocument(collection, await collection.extent(c.var.db, c.var.viewer), c.req.url));
          }
          return collectionsDocument(collections, c.req.url, format);
        },
        collectionsHtml,
      ),
  )
  .route('/collections/governorates', collectionRoutes(governoratesCollection))
  .route('/collections/projects', collectionRoutes(projectsCollection))
  .route('/collections/zones', collectionRoutes(zonesCollection))
  .route('/collections/plots', collectionRoutes(plotsCollection));

ogc.get('/collections/:collectionId', unknownCollection);
ogc.get('/collections/:collectionId/*', unknownCollection);
ogc.all('*', (c) => {
  const url = new URL(c.req.url);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    // QGIS users often paste the address with a trailing slash.
    url.pathname = url.pathname.replace(/\/+$/, '');
    return c.redirect(url.pathname + url.search, 301);
  }
  throw notFound(`No resource at ${c.req.path}`);
});

/** Problems as problem+json, or as a page for browsers. */
ogc.onError(async (error, c) => {
  const response = await errorHandler(error, c);
  const f = c.req.query('f');
  if (outputFormat(f === 'html' || f === 'json' ? f : undefined, c.req.header('accept')) !== 'html') return response;
  const problem = (await response.json()) as ProblemDetails;
  return c.html(problemHtml(problem, c.req.url), problem.status as ContentfulStatusCode);
});
