/**
 * A response body that pulls the next chunk from `chunks` only when the client has taken the
 * last one, so a slow download never piles rows up in memory. If the client goes away the
 * source is closed; if the source fails once headers are sent, the error is logged (with no
 * row data) and the body aborted, so the client sees a broken download rather than a short file.
 */
export function streamOf(chunks: AsyncIterable<string | Uint8Array>, what: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (cancelled) return; // the client left while this chunk was being made
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
      } catch (error) {
        if (cancelled) return;
        console.error(JSON.stringify({ level: 'error', msg: 'export failed while streaming', export: what, error: String(error) }));
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.();
    },
  });
}
