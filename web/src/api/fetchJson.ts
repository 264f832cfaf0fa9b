/** A failed API call, with a message that says which address failed and how. */
export class ApiError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** GETs JSON from the Marsad API (same origin) and checks its shape with `isExpected`. */
export async function fetchJson<T>(
  url: string,
  isExpected: (body: unknown) => body is T,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(url, null, `${url}: no answer from the server; is the Marsad API running?`);
  }
  if (!response.ok) {
    throw new ApiError(url, response.status, `${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(url, response.status, `${url}: the answer is not JSON; is /api routed to the Marsad API?`);
  }
  if (!isExpected(body)) {
    throw new ApiError(url, response.status, `${url}: the answer does not have the expected shape`);
  }
  return body;
}
