import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_STATUSES } from '../../src/contract/index.js';
import { mockRequest, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';
import { tokensOf, USER } from './oauth-grants.js';

/**
 * Every rewritten status query with a `behaviour.json` runs as a real program: the test starts an
 * upload on the Content Posting API (its init, with the user's v2 token), and the migrated function
 * asks about that publish_id with the same token. It must get the status fetch's answer for it, sent
 * as `POST /v2/post/publish/status/fetch/` with Bearer and a JSON `{ publish_id }`; with a v1 token
 * it is refused. The legacy query is not in the contract, so the mock has no route for the input.
 */
const FIXTURES = path.join(ROOT, 'fixtures/rewrite-status-query');
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-status-query');
const DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');
const VIDEO_SIZE = 4 * 1024 * 1024;

const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'behaviour.json')));
let mock: TikTokMock;
let v2Token: string;
// One upload for every case: the mock, as TikTok, caps the uploads a user may leave pending.
let publishId: string;

beforeAll(async () => {
  mock = await startTikTokMock();
  v2Token = (await tokensOf(mock, 'v2')).access_token;
  publishId = await startUpload(v2Token);
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** An inbox upload started with `token`, as the migrated upload starts one: its publish_id. */
async function startUpload(token: string): Promise<string> {
  const answer = await mockRequest(mock, `https://${mock.hosts.contentPosting}/v2/post/publish/inbox/video/init/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: VIDEO_SIZE, chunk_size: VIDEO_SIZE, total_chunk_count: 1 } }),
  });
  return (answer.json() as { data: { publish_id: string } }).data.publish_id;
}

async function run(name: string, token: string, publishId: string) {
  const spec = readFileSync(path.join(FIXTURES, name, 'behaviour.json'), 'utf8');
  return runNodeProgram(mock, {
    args: [DRIVER, fixtureProgram(WORK, name, 'output', FIXTURES), spec],
    env: { BEHAVIOUR_ACCESS_TOKEN: token, BEHAVIOUR_OPEN_ID: USER.openId, BEHAVIOUR_PUBLISH_ID: publishId },
  });
}

describe.for(cases)('%s', (name) => {
  it('gets the status of the upload it names, asked the v2 way', async () => {
    const result = JSON.stringify(programResult(`${name} output`, await run(name, v2Token, publishId)));
    // Nothing uploaded yet: the fetch answers the task's first status.
    expect(result).toContain(PUBLISH_STATUSES[0]);
    expect(mock.state.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v2/post/publish/status/fetch/', status: 200 });
  }, 30_000);

  it('is refused with a v1 token: the status fetch takes v2 tokens only', async () => {
    const v1 = await tokensOf(mock, 'v1');
    const refused = await run(name, v1.access_token, publishId);
    expect(refused.code !== 0 || !refused.stdout.includes(PUBLISH_STATUSES[0])).toBe(true);
    expect(mock.state.requests.at(-1)).toMatchObject({ path: '/v2/post/publish/status/fetch/', status: 401 });
  }, 30_000);
});
