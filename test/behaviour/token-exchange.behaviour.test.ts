import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { APP, tokensOf, USER } from './oauth-grants.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';

/**
 * Every rewritten code exchange or refresh with a `behaviour.json` runs as a real program twice: the
 * input with a v1 grant (a code from the v1 authorize page, a v1 refresh token) against the mock's
 * v1 routes, the output with a v2 grant against `/v2/oauth/token/`, which takes only a form-encoded
 * body, the registered redirect_uri and the client secret. Both times the caller gets the token the
 * mock issued for that grant, and keeps the refresh token it answered with. A v2 token call sent to
 * the retired v1 host (rewrite-v2-host, `grant` set) runs the same way once its host moved.
 */
const FOLDERS = ['rewrite-token-exchange', 'rewrite-v2-host'];
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-token-exchange');
const DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');
/** A redirect URI a fixture writes as a literal, registered for the app too. */
const FIXTURE_REDIRECTS = ['https://shop.example.net/auth/tiktok'];

interface Spec {
  readonly call: string;
  readonly args: unknown[];
  /** Where the access token is in what the function returns: a property, or the value itself (default). */
  readonly returns?: string;
  /** Environment the program reads; `$CLIENT_KEY`, `$CLIENT_SECRET`, `$REDIRECT_URI` stand for the app's. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * 'refresh': the function refreshes a grant (`$REFRESH_TOKEN`) instead of exchanging a code;
   * 'revoke': it revokes an access token (`$ACCESS_TOKEN`, `$OPEN_ID`), which must stop working.
   */
  readonly grant?: 'code' | 'refresh' | 'revoke';
  /** Where the refresh token the caller keeps is in what the function returns, to check it is the one issued last. */
  readonly keepsRefreshToken?: string;
  /** Why the legacy program never worked against v1 (a JSON body where v1 read the query): nothing to compare before. */
  readonly legacyNeverWorked?: string;
  /**
   * The words of the app's own failure (`throw new Error('Failed to refresh token')`): given a grant the
   * mock refuses, the migrated program must fail with them, not read the refusal as tokens.
   */
  readonly refusedWith?: string;
}

const specPath = (id: string) => path.join(ROOT, 'fixtures', id, 'behaviour.json');
// A fixture of another folder runs here when it is a grant's (user info ones run with the display API).
const cases = FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ROOT, 'fixtures', folder))
    .map((name) => `${folder}/${name}`)
    .filter((id) => existsSync(specPath(id)))
    .filter((id) => id.startsWith('rewrite-token-exchange/') || 'grant' in (JSON.parse(readFileSync(specPath(id), 'utf8')) as Spec)),
);
let mock: TikTokMock;

beforeAll(async () => {
  mock = await startTikTokMock({ oauth: { redirectUris: [...DEFAULT_OAUTH.redirectUris, ...FIXTURE_REDIRECTS] } });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Runs the fixture with a fresh grant of `generation`; returns what it gave back and what the mock issued for it. */
async function run(id: string, which: 'input' | 'output', spec: Spec, generation: 'v1' | 'v2', refused = false) {
  const [folder, name] = id.split('/');
  const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, APP[value as keyof typeof APP] ?? value]));
  const grant: Record<string, string> =
    spec.grant === 'refresh'
      ? { BEHAVIOUR_REFRESH_TOKEN: (await tokensOf(mock, generation)).refresh_token }
      : spec.grant === 'revoke'
        ? { BEHAVIOUR_ACCESS_TOKEN: (await tokensOf(mock, generation)).access_token, BEHAVIOUR_OPEN_ID: USER.openId }
        : { BEHAVIOUR_CODE: mock.issueCode(USER.openId, USER.scopes, generation) };
  // A grant the mock never issued: what a stale or spent one looks like to the token endpoint.
  if (refused) for (const key of Object.keys(grant)) grant[key] = `never-issued-${grant[key]}`;
  const program = await runNodeProgram(mock, {
    args: [DRIVER, fixtureProgram(WORK, name, which, path.join(ROOT, 'fixtures', folder)), JSON.stringify(spec)],
    env: { ...env, ...grant },
  });
  const value = refused ? {} : (programResult(`${name} ${which}`, program) as Record<string, unknown>);
  const key = grant.BEHAVIOUR_CODE ?? `refresh:${grant.BEHAVIOUR_REFRESH_TOKEN}`;
  return { value, program, issued: mock.state.tokensIssued.find((entry) => entry.code === key), revoked: grant.BEHAVIOUR_ACCESS_TOKEN };
}

describe.for(cases)('%s', (name) => {
  const spec = JSON.parse(readFileSync(specPath(name), 'utf8')) as Spec;
  const token = (value: Record<string, unknown>) => (spec.returns ? value[spec.returns] : value);

  for (const generation of ['v1', 'v2'] as const) {
    it(`${generation}: the grant, on that generation’s route, gives the caller the token issued for it`, async ({ skip }) => {
      if (generation === 'v1' && spec.legacyNeverWorked) skip(`the legacy program never worked: ${spec.legacyNeverWorked}`);
      const { value, issued, revoked } = await run(name, generation === 'v1' ? 'input' : 'output', spec, generation);
      if (revoked) {
        // The token was revoked on its own generation's route: the mock holds it no more.
        expect(mock.state.revoked).toContain(revoked);
        expect(mock.state.users.has(revoked)).toBe(false);
        return;
      }
      expect(issued?.issuedBy).toBe(generation);
      expect(token(value)).toBe(issued?.accessToken);
      if (spec.keepsRefreshToken) expect(value[spec.keepsRefreshToken]).toBe(issued?.refreshToken);
    }, 30_000);
  }

  it.runIf(spec.refusedWith)(
    'v2: a grant the token endpoint refuses ends in the app’s own failure',
    async () => {
      const { program } = await run(name, 'output', spec, 'v2', true);
      expect(program.code).not.toBe(0);
      expect(program.stderr).toContain(spec.refusedWith);
    },
    30_000,
  );
});
