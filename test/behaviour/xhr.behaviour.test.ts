import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT, UPLOAD_FIXTURES } from './fixture-program.js';

/**
 * XMLHttpRequest fixtures are browser code, and Node has no XMLHttpRequest. Each runs as a program
 * with jsdom's (drive-browser-fixture.mjs, browser-xhr.mjs): real HTTPS through undici to the mock,
 * at the real TikTok URLs, before migration (one multipart POST of a FormData) and after (the init
 * XHR, then the helper's PUT XHRs of Blob slices). Components and hooks are called once, outside any
 * renderer (react-stub/); browser-scenarios.mjs says how each fixture is started and how it reports.
 */
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-behaviour-xhr');
const DRIVER = path.join(import.meta.dirname, 'drive-browser-fixture.mjs');
const USER = DEFAULT_USERS.alice;

/** The fixtures browser-scenarios.mjs knows, and the outcome each reports on success. */
const CASES: Record<string, { readonly outcome: string; readonly handsBackResponse: boolean }> = {
  'xhr-react-component': { outcome: 'onDone 200', handsBackResponse: true },
  'xhr-browser-module-promise': { outcome: 'resolved', handsBackResponse: true },
  'xhr-tsx-upload-hook': { outcome: 'status done', handsBackResponse: false },
};

interface BrowserResult {
  readonly outcome: string;
  /** The server's answer the fixture handed back, if it hands one back. */
  readonly responseText?: string;
  /** Every React state update the fixture made (react-stub/). */
  readonly stateUpdates: unknown[];
  /** Each upload progress event the fixture's own progress handler received, with its request. */
  readonly progress: { request: string; loaded: number; total: number }[];
  readonly cors: { preflights: string[]; requests: string[] };
}

let mock: TikTokMock;
let video: string;
let videoSha: string;
let videoSize: number;
/** Each case's two runs, for the tests that read them after. */
const results = new Map<string, BrowserResult>();

beforeAll(async () => {
  mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
  mkdirSync(WORK, { recursive: true });
  video = path.join(WORK, 'clip.mp4');
  const bytes = Buffer.alloc(384 * 1024);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  writeFileSync(video, bytes);
  videoSha = createHash('sha256').update(bytes).digest('hex');
  videoSize = bytes.length;
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

async function run(name: string, which: 'input' | 'output', extraEnv: Record<string, string> = {}): Promise<BrowserResult> {
  const program = fixtureProgram(WORK, name, which);
  // The fixture's `react` (and `react/jsx-runtime`): the stub, beside the program.
  const react = path.join(WORK, name, 'node_modules/react');
  if (!existsSync(react)) cpSync(path.join(import.meta.dirname, 'react-stub'), react, { recursive: true });
  const result = await runNodeProgram(mock, {
    args: [DRIVER, name, program],
    env: { BEHAVIOUR_OPEN_ID: USER.openId, BEHAVIOUR_ACCESS_TOKEN: USER.accessToken, BEHAVIOUR_VIDEO_PATH: video, ...extraEnv },
  });
  const value = programResult(`${name} ${which}`, result) as BrowserResult;
  results.set(`${name} ${which}`, value);
  return value;
}

it('every XMLHttpRequest upload fixture the codemod rewrites has a browser scenario', () => {
  // `todo-…` cases are declined: their output only adds the TODO.
  const xhrFixtures = readdirSync(UPLOAD_FIXTURES).filter((name) => {
    if (name.startsWith('todo-')) return false;
    const files = readdirSync(path.join(UPLOAD_FIXTURES, name));
    const input = files.find((file) => file.startsWith('input.'));
    return (
      input &&
      files.some((file) => file.startsWith('output.')) &&
      /new XMLHttpRequest\(/.test(readFileSync(path.join(UPLOAD_FIXTURES, name, input), 'utf8'))
    );
  });
  // A new one needs an entry in browser-scenarios.mjs and in CASES above.
  expect(Object.keys(CASES).sort()).toEqual(xhrFixtures.sort());
});

describe.for(Object.keys(CASES))('%s (XMLHttpRequest in the browser, jsdom)', (name) => {
  const expected = CASES[name];

  it('before migration: the FormData POST reaches the legacy upload and its share_id comes back', async () => {
    const before = mock.state.legacyUploads.length;
    const { outcome, responseText, cors } = await run(name, 'input');
    expect(mock.state.legacyUploads).toHaveLength(before + 1);
    const upload = mock.state.legacyUploads[before];
    expect(upload.sha256).toBe(videoSha);
    expect(upload.accessToken).toBe(USER.accessToken);
    expect(upload.openId).toBe(USER.openId);
    expect(outcome).toBe(expected.outcome);
    if (expected.handsBackResponse)
      expect((JSON.parse(responseText!) as { data: { share_id: string } }).data.share_id).toBe(upload.shareId);
    expect(cors.requests).toEqual([expect.stringMatching(/^POST https:\/\/open-api\.tiktok\.com\/share\/video\/upload\/\?/)]);
  }, 30_000);

  it('after migration: the init XHR and a PUT XHR deliver the same bytes and its publish_id comes back', async () => {
    const known = new Set(mock.state.publishes.keys());
    const { outcome, responseText, cors } = await run(name, 'output');
    const created = [...mock.state.publishes.values()].filter((task) => !known.has(task.publishId));
    expect(created).toHaveLength(1);
    const [task] = created;
    expect(task.accessToken).toBe(USER.accessToken);
    expect(task.source).toBe('FILE_UPLOAD');
    expect(task.sha256).toBe(videoSha);
    expect(task.chunks.map((chunk) => chunk.contentType)).toEqual(['video/mp4']);
    expect(outcome).toBe(expected.outcome);
    if (expected.handsBackResponse)
      expect((JSON.parse(responseText!) as { data: { publish_id: string } }).data.publish_id).toBe(task.publishId);
    expect(cors.requests).toEqual(['POST https://open.tiktokapis.com/v2/post/publish/inbox/video/init/', `PUT ${task.uploadUrl}`]);
  }, 30_000);

  it('before migration: its upload progress handler follows the video', ({ skip }) => {
    const result = results.get(`${name} input`);
    if (!result) return skip('the run before migration failed');
    expect(result.progress.length).toBeGreaterThan(0);
    expect(result.progress.at(-1)!.total).toBeGreaterThan(videoSize); // the multipart body around the video
  });

  // The helper holds the caller's `xhr.upload.onprogress` back during the init and forwards the PUTs'
  // progress to it, over the whole video.
  it('after migration: its upload progress handler follows the video', ({ skip }) => {
    const result = results.get(`${name} output`);
    if (!result) return skip('the run after migration failed');
    expect(result.progress.length).toBeGreaterThan(0);
    expect(result.progress.at(-1)!.total).toBeGreaterThanOrEqual(videoSize);
  });
});

// CODEMOD BUG (XHR helper, src/codemod/upload-helpers/xhr.ts): when the server refuses a chunk, the
// helper calls `xhr.onerror?.(…)` and nothing else. xhr-react-component has no onerror (it reads
// every end in `xhr.onload`, which before migration also saw the legacy API's error answers), so its
// `onDone` is never called and the page waits forever. (The fixtures with an onerror do hear of it:
// the promise rejects 'network error', the hook sets 'failed'.) Neither is the 5xx retried, which
// §4.3 asks for ("retry this chunk"); the other helpers throw on it too. When the component hears of
// a refused chunk through its onDone, drop `.fails`.
it.fails(
  'xhr-react-component after migration: a chunk the server refuses (503) still reaches onDone',
  async () => {
    mock.injectFault({ chunkIndex: 0, status: 503 });
    try {
      const { outcome } = await run('xhr-react-component', 'output', { BEHAVIOUR_TIMEOUT_MS: '3000' });
      expect(outcome).toMatch(/^onDone /);
    } finally {
      mock.state.pendingFaults.splice(0); // consumed by the run, unless it never got to its PUT
    }
  },
  30_000,
);
