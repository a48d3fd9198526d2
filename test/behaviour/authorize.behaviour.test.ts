import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureProgram } from './fixture-program.js';

/**
 * The authorize URL rewrite run for real: each fixture of `fixtures/rewrite-authorize-url` with a
 * `behaviour.json` has its function called before and after migration. Before, the URL opens the
 * v1 page; after, the v2 page, with the same client_key, redirect_uri, state and response_type, and
 * every scope it asked for (plus video.upload where the fixture says the app uploads).
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rewrite-authorize-url');
const WORK = path.resolve(import.meta.dirname, '../../node_modules/.cache/migrate-share-video-authorize');

interface Spec {
  readonly call: string;
  readonly args: unknown[];
  readonly addsUploadScope?: boolean;
}

const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'behaviour.json')));

async function urlFrom(name: string, which: 'input' | 'output', spec: Spec): Promise<URL> {
  const target = fixtureProgram(WORK, name, which, FIXTURES);
  const module = (target.endsWith('.cjs') ? createRequire(import.meta.url)(target) : await import(pathToFileURL(target).href)) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  return new URL(String(await module[spec.call](...spec.args)));
}

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const scopes = (url: URL) => (url.searchParams.get('scope') ?? '').split(',').filter(Boolean).sort();

describe.for(cases)('%s', (name) => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, name, 'behaviour.json'), 'utf8')) as Spec;

  it('opens the v2 page with the same parameters and every scope, video.upload included where the app uploads', async () => {
    const before = await urlFrom(name, 'input', spec);
    const after = await urlFrom(name, 'output', spec);
    expect(`${before.origin}${before.pathname}`).toMatch(
      // The two v1 pages, and `/oauth/authorize/` on the legacy host, which never served it but is the page its authors meant.
      /^https:\/\/(www\.tiktok\.com\/auth\/authorize|open-api\.tiktok\.com\/(platform\/oauth\/connect|oauth\/authorize))\/?$/,
    );
    expect(`${after.origin}${after.pathname}`).toBe('https://www.tiktok.com/v2/auth/authorize/');
    for (const key of ['client_key', 'redirect_uri', 'state', 'response_type'])
      expect(after.searchParams.get(key), key).toBe(before.searchParams.get(key));
    const expected = spec.addsUploadScope ? [...new Set([...scopes(before), 'video.upload'])].sort() : scopes(before);
    expect(scopes(after)).toEqual(expected);
  });
});
