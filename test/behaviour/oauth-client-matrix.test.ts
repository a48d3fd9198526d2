import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixture-program.js';

/**
 * Issue 17 asks for every v1 OAuth and Display API call in every client the upload rewrite supports
 * (form-data's `submit` sends multipart only, so none of these calls): this is the table of those
 * fixtures, each a rewritten pair with a behaviour run against the mock. A row or a client without
 * one fails here, as does a row without both a TypeScript and a JavaScript fixture.
 */
const FOLDERS = ['fixtures/rewrite-token-exchange', 'fixtures/rewrite-display-api'];

const ROWS: Readonly<Record<string, RegExp>> = {
  'code exchange': /\/oauth\/access_token\//,
  'token refresh': /\/oauth\/refresh_token\//,
  'token revoke': /\/oauth\/revoke\//,
  'user info': /\/user\/info\//,
  'video list': /\/video\/list\//,
};

/** How each client shows in a fixture's input, most specific first (request-promise before request). */
const CLIENTS: readonly (readonly [string, RegExp])[] = [
  ['XMLHttpRequest', /new XMLHttpRequest\(\)/],
  ['request-promise', /['"]request-promise['"]/],
  ['request', /['"]request['"]/],
  ['undici request', /import \{ request \} from 'undici'/],
  ['superagent', /['"]superagent['"]/],
  ['axios', /['"]axios['"]/],
  ['got', /['"]got['"]/],
  ['ky', /['"]ky['"]/],
  ['fetch', /\bfetch\(/],
];

interface Fixture {
  readonly name: string;
  readonly row: string;
  readonly client: string;
  readonly typescript: boolean;
}

function fixtures(): Fixture[] {
  const found: Fixture[] = [];
  for (const folder of FOLDERS) {
    for (const name of readdirSync(path.join(ROOT, folder))) {
      const dir = path.join(ROOT, folder, name);
      const input = readdirSync(dir).find((file) => file.startsWith('input.'));
      // Rewritten and run: an output that differs, and a behaviour spec.
      if (!input || !existsSync(path.join(dir, 'behaviour.json'))) continue;
      const text = readFileSync(path.join(dir, input), 'utf8');
      const row = Object.entries(ROWS).find(([, pattern]) => pattern.test(text))?.[0];
      const client = CLIENTS.find(([, pattern]) => pattern.test(text))?.[0];
      if (row && client) found.push({ name, row, client, typescript: /\.tsx?$/.test(input) });
    }
  }
  return found;
}

describe('the v1 OAuth and Display API rewrites, row by client', () => {
  const all = fixtures();
  for (const row of Object.keys(ROWS)) {
    for (const [client] of CLIENTS) {
      it(`${row} in ${client}: a fixture pair with a behaviour run`, () => {
        expect(all.filter((fixture) => fixture.row === row && fixture.client === client).map((fixture) => fixture.name)).not.toEqual([]);
      });
    }
    it(`${row}: fixtures in TypeScript and in JavaScript`, () => {
      const kinds = new Set(all.filter((fixture) => fixture.row === row).map((fixture) => fixture.typescript));
      expect([...kinds].sort()).toEqual([false, true]);
    });
  }
});
