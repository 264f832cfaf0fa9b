import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { PROBLEM_CONTENT_TYPE } from '@marsad/contracts';
import { MAX_URL_LENGTH, NODE_MAX_HEADER_SIZE } from './requestHeadLimits.ts';

interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

/** Longer than the idle timeouts of browsers' connection pools and of common proxies (60 s). */
const KEEP_ALIVE_MS = 75_000;

/**
 * Serves the app on Node's HTTP server. Requests Node refuses before the app sees them (a head
 * over NODE_MAX_HEADER_SIZE, a malformed request line, an unknown method) are answered here
 * with problem+json too, instead of Node's bare status line.
 */
export function serveApp(app: Fetchable, { port, hostname }: { port: number; hostname: string }): ServerType {
  const server = serve({ fetch: app.fetch, port, hostname, serverOptions: { maxHeaderSize: NODE_MAX_HEADER_SIZE } });
  server.on('clientError', answerClientError);
  // Idle keep-alive connections stay open longer than a client or proxy keeps them (Node's 5 s
  // default closes them while a client may be reusing one: the client then sees ECONNRESET).
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  return server;
}

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** The problem for a request Node could not parse. */
function clientErrorProblem(error: ClientError): { status: number; title: string; detail: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node hands over only the packet that overflowed. If the request line ends in it, the
    // address is what is too long; past that, the headers are (or, with no line break seen at
    // all, one of the two: the detail names both).
    const packet = error.rawPacket?.toString('latin1') ?? '';
    if (/ HTTP\/1\.[01]\r\n/.test(packet)) {
      return { status: 414, title: 'URI Too Long', detail: `The address is too long; at most ${MAX_URL_LENGTH} characters are accepted: send fewer or shorter query parameters` };
    }
    return {
      status: 431,
      title: 'Request Header Fields Too Large',
      detail: `The request's address and headers are over ${NODE_MAX_HEADER_SIZE / 1024} KB: shorten the address, or clear this site's cookies`,
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, title: 'Request Timeout', detail: 'The request was not received in time: send it again' };
  }
  if (error.code === 'HPE_INVALID_METHOD') {
    return { status: 400, title: 'Bad Request', detail: 'Unknown HTTP method: use GET, POST, PUT, PATCH or DELETE as the OpenAPI document (/api/openapi.json) says' };
  }
  return { status: 400, title: 'Bad Request', detail: `The request is not valid HTTP/1.1 (${error.code ?? error.message}): check the client sending it` };
}

function answerClientError(error: ClientError, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = clientErrorProblem(error);
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'x-content-type-options: nosniff\r\n' +
      'connection: close\r\n\r\n' +
      body,
  );
}
