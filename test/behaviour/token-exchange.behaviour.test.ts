import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH, DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';

/**
 * Every rewritten code exchange with a `behaviour.json` runs as a real program twice: the input
 * with a code from the v1 authorize page against the mock's v1 `/oauth/access_token/`, the output
 * with a code from the v2 page against `/v2/oauth/token/`, which takes only a form-encoded body and
 * the registered redirect_uri. Both times the caller gets the token the mock issued for that code.
 */
const FIXTURES = path.join(ROOT, 'fixtures/rewrite-token-exchange');
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-token-exchange');
const DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');
const USER = DEFAULT_USERS.alice;
/** A redirect URI a fixture writes as a literal, registered for the app too. */
const FIXTURE_REDIRECTS = ['https://shop.example.net/auth/tiktok'];

interface Spec {
  readonly call: string;
  readonly args: unknown[];
  /** Where the access token is in what the function returns: a property, or the value itself (default). */
  readonly returns?: string;
  /** Environment the program reads; `$CLIENT_KEY`, `$CLIENT_SECRET`, `$REDIRECT_URI` stand for the app's. */
  readonly env?: Readonly<Record<string, string>>;
}

const APP = {
  $CLIENT_KEY: DEFAULT_OAUTH.clientKey,
  $CLIENT_SECRET: DEFAULT_OAUTH.clientSecret,
  $REDIRECT_URI: DEFAULT_OAUTH.redirectUris[0],
};
const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'behaviour.json')));
let mock: TikTokMock;

beforeAll(async () => {
  mock = await startTikTokMock({ oauth: { redirectUris: [...DEFAULT_OAUTH.redirectUris, ...FIXTURE_REDIRECTS] } });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

async function exchange(name: string, which: 'input' | 'output', spec: Spec, code: string): Promise<unknown> {
  const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, APP[value as keyof typeof APP] ?? value]));
  const run = await runNodeProgram(mock, {
    args: [DRIVER, fixtureProgram(WORK, name, which, FIXTURES), JSON.stringify(spec)],
    env: { ...env, BEHAVIOUR_CODE: code },
  });
  const value = programResult(`${name} ${which}`, run);
  return spec.returns ? (value as Record<string, unknown>)[spec.returns] : value;
}

describe.for(cases)('%s', (name) => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, name, 'behaviour.json'), 'utf8')) as Spec;

  it('before migration: a v1 code, exchanged on the v1 route, gives the caller the v1 token', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v1');
    const token = await exchange(name, 'input', spec, code);
    const issued = mock.state.tokensIssued.find((entry) => entry.code === code);
    expect(issued?.issuedBy).toBe('v1');
    expect(token).toBe(issued?.accessToken);
  }, 30_000);

  it('after migration: a v2 code, exchanged on the v2 route (form body, registered redirect_uri), gives the v2 token', async () => {
    const code = mock.issueCode(USER.openId, USER.scopes, 'v2');
    const token = await exchange(name, 'output', spec, code);
    const issued = mock.state.tokensIssued.find((entry) => entry.code === code);
    expect(issued?.issuedBy).toBe('v2');
    expect(token).toBe(issued?.accessToken);
  }, 30_000);
});
