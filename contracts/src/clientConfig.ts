import { z } from 'zod';

/** `GET /api/config`: the few settings the web app needs from the server's configuration. */
export const ClientConfig = z.object({
  basemapStyleUrl: z.string().nullable().describe('External basemap style, or null for the built-in air-gapped basemap'),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
