import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a request body turned out to be. Bytes past `maxBytes` are read and dropped, not kept. */
export interface ReadBody {
  readonly bytes: Buffer;
  /** Every byte that arrived, kept or not. */
  readonly received: number;
  readonly tooLarge: boolean;
}

/**
 * Reads a whole request body. Even a request the mock rejects is read to its end before the answer:
 * a server that answers while the client is still writing makes many clients report EPIPE or
 * ECONNRESET instead of the status, and the tests are about the status.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let kept = 0;
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (kept + chunk.length <= maxBytes) {
        parts.push(chunk);
        kept += chunk.length;
      } else if (kept < maxBytes) {
        parts.push(chunk.subarray(0, maxBytes - kept));
        kept = maxBytes;
      }
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(parts, kept), received, tooLarge: received > maxBytes }));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

/** Reads and drops the rest of a body (see readBody for why). */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.complete) return;
  await readBody(req, 0);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

/** The media type of a Content-Type header, lower-cased and without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return header.split(';')[0]!.trim().toLowerCase() || undefined;
}

/** The query of a request's URL. */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'https://mock.invalid');
}

/** One header value, whether Node gave a string or a list. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
