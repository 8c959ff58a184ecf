/**
 * Whether an error says the database cannot be reached just now (as opposed to a statement it refused): no
 * connection could be made or it broke, the server is shutting down or starting (57P01–57P03), has no
 * connection slot free (53300), or any SQLSTATE of class 08 (connection exception). The HTTP adapter answers
 * these with 503 and Retry-After instead of 500. pg reports some of them by message only.
 */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);
const messages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Connection refused/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, hops = 0; current && hops < 4; current = (current as { cause?: unknown }).cause, hops++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (socketCodes.has(code) || serverCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    if (typeof message === 'string' && messages.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}
