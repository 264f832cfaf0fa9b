/** The long side of an uploaded photo: enough to read a site, small enough for a slow connection. */
export const MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.8;

/** The size of a `width` × `height` image scaled down (never up) to fit `maxEdge` on its long side. */
export function fitWithin(width: number, height: number, maxEdge: number = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

type Drawable = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function draw(context: Drawable | null, bitmap: ImageBitmap, width: number, height: number): void {
  if (context === null) throw new Error('this browser cannot draw images');
  // A transparent PNG would turn black in a JPEG: paper white underneath.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

/**
 * A photo as it should travel: at most `maxEdge` px on the long side, re-encoded as JPEG. The
 * re-encoding also leaves the camera's EXIF data behind, GPS position included (the orientation
 * is applied first, so the picture stays upright).
 */
export async function downscalePhoto(photo: Blob, maxEdge: number = MAX_EDGE, quality: number = JPEG_QUALITY): Promise<Blob> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxEdge);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      draw(canvas.getContext('2d'), bitmap, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext('2d'), bitmap, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob === null ? reject(new Error('this browser cannot encode JPEG')) : resolve(blob)), 'image/jpeg', quality),
    );
  } finally {
    bitmap.close();
  }
}
