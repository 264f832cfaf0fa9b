import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { MAX_URL_LENGTH, NODE_MAX_HEADER_SIZE } from './requestHeadLimits.ts';

interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

/**
 * Serves the app on Node's HTTP server. Requests Node refuses before the app sees them (a head
 * over NODE_MAX_HEADER_SIZE, a malformed request line, an unknown method) are answered here
 * with problem+json too, instead of Node's bare status line.
 */
export function serveApp(app: Fetchable, { port, hostname }: { port: number; hostname: string }): ServerType {
  const server = serve({ fetch: app.fetch, port, hostname, serverOptions: { maxHeaderSize: NODE_MAX_HEADER_SIZE } });
  server.on('clientError', answerClientError);
  return server;
}

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** The problem for a request Node could not parse. */
function clientErrorProblem(error: ClientError): { status: number; title: string; detail: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The first line is the request line: if it does not end within the packet, the address is what is too long.
    const head = error.rawPacket?.toString('latin1') ?? '';
    const lineEnd = head.indexOf('\r\n');
    if (lineEnd === -1 || lineEnd > MAX_URL_LENGTH) {
      return { status: 414, title: 'URI Too Long', detail: `The address is too long; at most ${MAX_URL_LENGTH} characters are accepted: send fewer or shorter query parameters` };
    }
    return {
      status: 431,
      title: 'Request Header Fields Too Large',
      detail: `The request headers are over ${NODE_MAX_HEADER_SIZE} bytes: clear this site's cookies or send fewer headers`,
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
