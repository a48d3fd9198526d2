import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';

/**
 * The XMLHttpRequest fixture is browser code, and Node has no XMLHttpRequest. It runs as a program
 * with jsdom's (drive-xhr-component.mjs, browser-xhr.mjs): real HTTPS through undici to the mock, at
 * the real TikTok URLs, before migration (one multipart POST of a FormData) and after (init XHR, then
 * the helper's PUT XHRs of Blob slices). The React component is called once, outside any renderer
 * (react-stub/), and its file input's change handler is fired with the video as a File.
 */
const NAME = 'xhr-react-component';
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-behaviour-xhr');
const DRIVER = path.join(import.meta.dirname, 'drive-xhr-component.mjs');
const USER = DEFAULT_USERS.alice;
const SPEC = {
  component: 'TikTokUploadButton',
  props: { openId: '$OPEN_ID', accessToken: '$ACCESS_TOKEN' },
  event: 'onChange',
  callback: 'onDone',
};

interface XhrResult {
  /** What the component handed `onDone`: `(xhr.status, xhr.responseText)`. */
  readonly callback: [number, string];
  /** Every `setProgress(…)` the component made (from `xhr.upload.onprogress`). */
  readonly stateUpdates: unknown[];
  /** Each upload progress event the component's `xhr.upload.onprogress` received, with its request. */
  readonly progress: { request: string; loaded: number; total: number }[];
  readonly cors: { preflights: string[]; requests: string[] };
}

let mock: TikTokMock;
let video: string;
let videoSha: string;
let videoSize: number;
/** The two runs, shared by the tests that read them. */
const results: Partial<Record<'input' | 'output', XhrResult>> = {};

beforeAll(async () => {
  mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
  mkdirSync(WORK, { recursive: true });
  video = path.join(WORK, 'clip.mp4');
  const bytes = Buffer.alloc(384 * 1024);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  writeFileSync(video, bytes);
  videoSha = createHash('sha256').update(bytes).digest('hex');
  videoSize = bytes.length;
  // The fixture's `react` (and `react/jsx-runtime`): the stub, beside the programs.
  cpSync(path.join(import.meta.dirname, 'react-stub'), path.join(WORK, NAME, 'node_modules/react'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

async function run(which: 'input' | 'output'): Promise<XhrResult> {
  const result = await runNodeProgram(mock, {
    args: [DRIVER, fixtureProgram(WORK, NAME, which), JSON.stringify(SPEC)],
    env: { BEHAVIOUR_OPEN_ID: USER.openId, BEHAVIOUR_ACCESS_TOKEN: USER.accessToken, BEHAVIOUR_VIDEO_PATH: video },
  });
  results[which] = programResult(`${NAME} ${which}`, result) as XhrResult;
  return results[which];
}

describe(`${NAME} (XMLHttpRequest in a browser component, jsdom)`, () => {
  it('before migration: the FormData POST reaches the legacy upload and onDone gets its share_id', async () => {
    const before = mock.state.legacyUploads.length;
    const { callback, cors } = await run('input');
    expect(mock.state.legacyUploads).toHaveLength(before + 1);
    const upload = mock.state.legacyUploads[before];
    expect(upload.sha256).toBe(videoSha);
    expect(upload.filename).toBe('clip.mp4');
    expect(upload.accessToken).toBe(USER.accessToken);
    expect(upload.openId).toBe(USER.openId);
    const [status, body] = callback;
    expect(status).toBe(200);
    expect((JSON.parse(body) as { data: { share_id: string } }).data.share_id).toBe(upload.shareId);
    expect(cors.requests).toEqual([expect.stringMatching(/^POST https:\/\/open-api\.tiktok\.com\/share\/video\/upload\/\?/)]);
  }, 30_000);

  it('after migration: init XHR + PUT XHRs deliver the same bytes and onDone gets the publish_id', async () => {
    const known = new Set(mock.state.publishes.keys());
    const { callback, cors } = await run('output');
    const created = [...mock.state.publishes.values()].filter((task) => !known.has(task.publishId));
    expect(created).toHaveLength(1);
    const [task] = created;
    expect(task.accessToken).toBe(USER.accessToken);
    expect(task.source).toBe('FILE_UPLOAD');
    expect(task.sha256).toBe(videoSha);
    expect(task.chunks.map((chunk) => chunk.contentType)).toEqual(['video/mp4']);
    const [status, body] = callback;
    expect(status).toBe(200);
    expect((JSON.parse(body) as { data: { publish_id: string } }).data.publish_id).toBe(task.publishId);
    expect(cors.requests).toEqual([
      'POST https://open.tiktokapis.com/v2/post/publish/inbox/video/init/',
      `PUT ${task.uploadUrl}`,
    ]);
  }, 30_000);

  it('before migration: the progress handler follows the video upload', ({ skip }) => {
    if (!results.input) skip('the run before migration failed');
    const { progress, stateUpdates } = results.input!;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.total).toBeGreaterThan(videoSize); // the multipart body around the video
    expect(stateUpdates.at(-1)).toBe(100);
  });

  // CODEMOD BUG (xhr helper, src/codemod/upload-helpers/xhr.ts): the component's
  // `xhr.upload.onprogress` stays on the caller's XHR, which now sends only the init JSON (~100 bytes);
  // the video goes out on the helper's own PUT XHRs, which have no progress listener. So the progress
  // shown jumps to 100% before the first video byte leaves and says nothing during the upload. Seen
  // here: one event, `POST …/inbox/video/init/`, loaded = total = 102. When the helper forwards the
  // PUTs' upload progress to `xhr.upload` (loaded/total over the whole video), drop `.fails`.
  it.fails('after migration: the progress handler follows the video upload (it follows the init JSON)', ({ skip }) => {
    if (!results.output) skip('the run after migration failed');
    const { progress } = results.output!;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.total).toBeGreaterThanOrEqual(videoSize);
  });
});
