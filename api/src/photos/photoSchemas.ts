import { z } from '@hono/zod-openapi';
import { PHOTO_TYPES } from './imageFacts.ts';

/** A progress photo as the API describes it (see PhotoMetadata); the bytes are at `url`. */
export const ProgressPhoto = z
  .object({
    id: z.number().int(),
    position: z.number().int().openapi({ description: 'Order in the report, from 1' }),
    content_type: z.enum(PHOTO_TYPES).openapi({ description: 'Decided from the image itself, not from what the uploader declared' }),
    byte_size: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    url: z.string().openapi({ description: 'Where the image is: GET it with the same session' }),
  })
  .openapi('ProgressPhoto');
