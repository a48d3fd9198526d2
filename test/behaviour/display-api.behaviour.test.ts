import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNodeProgram, startTikTokMock, videosOf, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';
import { tokensOf, USER } from './oauth-grants.js';

/**
 * Every rewritten user info, video list or video query call with a `behaviour.json` runs as a real program twice:
 * the input with a v1 token against the mock's `POST /user/info/`, `/video/list/` or `/video/query/`,
 * the output with a v2 token against `GET /v2/user/info/`, `POST /v2/video/list/` or
 * `/v2/video/query/`, which take only Bearer and the fields in the query (user info no body, the list
 * a JSON `{ cursor, max_count }`, the query `{ filters: { video_ids } }`), and refuse a v1 token. The caller gets the same profile or videos both times. The output with the v1 token is
 * refused: the rewrite is only whole with the OAuth one. A v2 user info call sent to the retired v1
 * host (rewrite-v2-host) runs the same way once its host moved.
 */
const FOLDERS = ['rewrite-display-api', 'rewrite-v2-host'];
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-display-api');
const DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');

const cases = FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ROOT, 'fixtures', folder))
    .filter((name) => existsSync(path.join(ROOT, 'fixtures', folder, name, 'behaviour.json')))
    // A token call's fixture runs with the token exchange's.
    .filter(
      (name) => !('grant' in (JSON.parse(readFileSync(path.join(ROOT, 'fixtures', folder, name, 'behaviour.json'), 'utf8')) as object)),
    )
    .map((name) => `${folder}/${name}`),
);
const specOf = (id: string) => readFileSync(path.join(ROOT, 'fixtures', id, 'behaviour.json'), 'utf8');
let mock: TikTokMock;

beforeAll(async () => {
  mock = await startTikTokMock();
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

async function run(id: string, which: 'input' | 'output', generation: 'v1' | 'v2') {
  const spec = specOf(id);
  const { access_token } = await tokensOf(mock, generation, (JSON.parse(spec) as { scopes?: string[] }).scopes);
  const [folder, name] = id.split('/');
  return runNodeProgram(mock, {
    args: [DRIVER, fixtureProgram(WORK, name, which, path.join(ROOT, 'fixtures', folder)), spec],
    env: { BEHAVIOUR_ACCESS_TOKEN: access_token, BEHAVIOUR_OPEN_ID: USER.openId, BEHAVIOUR_VIDEO_ID: String(videosOf(USER)[2].id) },
  });
}

describe.for(cases)('%s', (name) => {
  const spec = JSON.parse(specOf(name)) as {
    legacyNeverWorked?: string;
    /** What the call gives when the answer's body is never read (a connection check's `true`). */
    returns?: unknown;
  };

  it('gives the caller the same answer: v1 token on the v1 route before, v2 token on the v2 route after', async () => {
    const after = programResult(`${name} output`, await run(name, 'output', 'v2'));
    // A half-migrated call (a GET with a Bearer header on the v1 host) never worked: the v2 answer alone is checked.
    if (!spec.legacyNeverWorked) expect(after).toEqual(programResult(`${name} input`, await run(name, 'input', 'v1')));
    if ('returns' in spec) expect(after).toEqual(spec.returns);
    else expect(JSON.stringify(after)).toMatch(new RegExp(`${USER.openId}|\\d{6}`));
  }, 30_000);

  it('is refused with a v1 token after: the v2 route takes v2 tokens only', async () => {
    const refused = await run(name, 'output', 'v1');
    expect(refused.code !== 0 || !/RESULT [[{]/.test(refused.stdout)).toBe(true);
    expect(mock.state.requests.at(-1)).toMatchObject({
      path: expect.stringMatching(/^\/v2\/(user\/info|video\/list|video\/query)\/\?fields=/),
      status: 401,
      errorCode: 'access_token_invalid',
    });
  }, 30_000);
});
