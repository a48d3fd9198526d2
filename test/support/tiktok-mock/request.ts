import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TikTokMock } from './server.js';

export interface MockResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  json<T = any>(): T;
}

export interface MockRequestInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string | number>>;
  readonly body?: string | Buffer | Uint8Array;
  readonly timeoutMs?: number;
  /** TLS server name, when a test sends a Host header other than the URL's (Node would use it for SNI). */
  readonly servername?: string;
}

/**
 * One HTTPS request from the test process itself to a real TikTok URL, through node:https with the
 * mock's agent (its CA, its lookup) and nothing patched. For checking the mock's answers; programs
 * under test run in a child process instead (run-program.ts).
 */
export function mockRequest(mock: TikTokMock, url: string, init: MockRequestInit = {}): Promise<MockResponse> {
  const timeoutMs = init.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        agent: mock.agent,
        timeout: timeoutMs,
        ...(init.servername ? { servername: init.servername } : {}),
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(parts);
          const text = body.toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, json: () => JSON.parse(text) });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from the mock within ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
    request.end(init.body);
  });
}
