import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { API_VERSION } from './openapi.ts';
import { problemTitle, sendProblem } from './problem.ts';

/**
 * Fastify's own answers before routing (`frameworkErrors`): a path that is not valid percent-encoding (400) and a
 * path parameter longer than `maxParamLength` (414). The path is not repeated: it may hold a tracking code.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  // Answered before any route, so without the app's onSend hook: its headers are set here.
  reply
    .header('API-Version', API_VERSION)
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff');
  return sendProblem(reply, request, {
    status,
    title: problemTitle(status),
    detail: tooLong ? 'A part of the path is longer than any identifier.' : 'The path is not valid percent-encoding.',
    code: tooLong ? 'path_too_long' : 'bad_url',
  });
}

/**
 * Node answers a request it could not parse itself (headers too large, a timeout, bad HTTP) before Fastify sees
 * it; this writes that answer as problem+json too, then closes the connection as node does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request headers are larger than the server accepts.'
      : status === 408
        ? 'The request did not arrive in time.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify({ type: 'about:blank', title: problemTitle(status), status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nAPI-Version: ${API_VERSION}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
