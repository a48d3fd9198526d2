import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';

/**
 * Every rewritten upload fixture with a `behaviour.json` runs as a real program twice, through its
 * own HTTP client's network code: the input against the mock's legacy Share Video endpoint, the
 * output against its Content Posting init + PUT. The same bytes must arrive both times, and the
 * function must return the id the server issued (share_id before, publish_id after).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures/rewrite-upload-call');
// Inside node_modules, so the programs resolve axios, got, … from the project's own dependencies.
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-behaviour');
const DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');
const USER = DEFAULT_USERS.alice;

interface Spec {
  readonly call: string;
  readonly args: unknown[];
  readonly construct?: unknown[];
  readonly callback?: boolean;
  /**
   * 'id' (default): the function returns the id the server issued; 'none': something else; any other
   * name: the id is that property of what it returns.
   */
  readonly returns?: string;
  /** 'bytes' (default) uploads a file; 'url' a public URL TikTok pulls (PULL_FROM_URL). */
  readonly source?: 'bytes' | 'url';
  /**
   * Why the legacy program never worked against the legacy API (it read the answer where the API
   * never put it): there is nothing to compare before, and the migrated program must work.
   */
  readonly legacyNeverWorked?: string;
  /**
   * The media type the legacy form gave the video's part, which the PUT of every chunk must carry
   * after migration (MP4 when the case names none: the helper's default).
   */
  readonly videoType?: string;
  /** A multi-file case: the module of `input/` (and `output/`) whose export `call` names. */
  readonly module?: string;
}

/**
 * Multi-file uploads of any transform (`<transform>/<case>/input/`, `output/`): the module that
 * `behaviour.json` names (`"module"`) runs, importing its neighbours as the app does.
 */
const ALL_FIXTURES = path.dirname(FIXTURES);
/** Single-file uploads: the upload rewrite's, and the answer reads it moves (`<transform>/<case>`). */
const SINGLE_FILE_FOLDERS = [path.basename(FIXTURES), 'rename-response-fields'];
const cases = SINGLE_FILE_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ALL_FIXTURES, folder))
    .map((name) => `${folder}/${name}`)
    .filter((name) => existsSync(path.join(ALL_FIXTURES, name, 'behaviour.json')) && !existsSync(path.join(ALL_FIXTURES, name, 'input'))),
).sort();
const projectCases = readdirSync(ALL_FIXTURES)
  .flatMap((transform) =>
    statSync(path.join(ALL_FIXTURES, transform)).isDirectory()
      ? readdirSync(path.join(ALL_FIXTURES, transform)).map((name) => `${transform}/${name}`)
      : [],
  )
  .filter((name) => existsSync(path.join(ALL_FIXTURES, name, 'input')) && existsSync(path.join(ALL_FIXTURES, name, 'behaviour.json')))
  .sort();
let mock: TikTokMock;
let video: string;
let videoSha: string;
/** The app's own CDN, for the fixtures that download the clip before they upload it (`$CLIP_URL`). */
let cdn: Server;
let clipUrl: string;

beforeAll(async () => {
  mock = await startTikTokMock({ legacy: { requireFilename: false }, init: { rateLimit: false, pendingShareLimit: false } });
  mkdirSync(WORK, { recursive: true });
  video = path.join(WORK, 'clip.mp4');
  const bytes = Buffer.alloc(384 * 1024, 0);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  writeFileSync(video, bytes);
  videoSha = createHash('sha256').update(bytes).digest('hex');
  cdn = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'video/mp4' }).end(bytes));
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  clipUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/clip.mp4`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => cdn?.close(resolve));
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** The fixture as a program Node runs without a loader: TypeScript transpiled, CommonJS kept apart. */
function program(name: string, which: 'input' | 'output'): string {
  const file = readdirSync(path.join(ALL_FIXTURES, name)).find((entry) => entry.startsWith(`${which}.`));
  if (!file) throw new Error(`${name} has no ${which}`);
  let text = readFileSync(path.join(ALL_FIXTURES, name, file), 'utf8');
  if (/\.(c|m)?tsx?$/.test(file)) {
    text = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX },
    }).outputText;
  }
  const commonJs = /\brequire\(/.test(text) && !/^\s*(import|export)\s/m.test(text);
  const target = path.join(WORK, name.replace('/', '--'), `${which}.${commonJs ? 'cjs' : 'mjs'}`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}

/** A multi-file case as programs: each TypeScript module transpiled beside the others, its relative imports pointed at them. */
function projectProgram(name: string, which: 'input' | 'output', entry: string): string {
  const folder = path.join(ALL_FIXTURES, name, which);
  const target = path.join(WORK, name.replace('/', '--'), which);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(folder)) {
    // A package.json beside the modules is the case's own (its engines), not for Node to read.
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const text = ts.transpileModule(readFileSync(path.join(folder, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(target, file.replace(/\.tsx?$/, '.mjs')), text.replace(/(from\s+['"]\.\/[^'"]+?)(['"])/g, '$1.mjs$2'));
  }
  return path.join(target, entry.replace(/\.tsx?$/, '.mjs'));
}

async function run(name: string, which: 'input' | 'output', spec: Spec) {
  const entry = spec.module ? projectProgram(name, which, spec.module) : program(name, which);
  const result = await runNodeProgram(mock, {
    args: [DRIVER, entry, JSON.stringify(spec)],
    env: {
      BEHAVIOUR_OPEN_ID: USER.openId,
      BEHAVIOUR_ACCESS_TOKEN: USER.accessToken,
      BEHAVIOUR_VIDEO_PATH: video,
      BEHAVIOUR_VIDEO_URL: 'https://example.verified.domain.com/clip.mp4',
      BEHAVIOUR_CLIP_URL: clipUrl,
    },
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (result.code !== 0 || !line) throw new Error(`${name} ${which} failed (${result.code}):\n${result.stderr || result.stdout}`);
  return JSON.parse(line.slice('RESULT '.length)) as unknown;
}

describe.for([...cases, ...projectCases])('%s', (name) => {
  const spec = JSON.parse(readFileSync(path.join(ALL_FIXTURES, name, 'behaviour.json'), 'utf8')) as Spec;
  const idIn = (value: unknown) => (spec.returns && spec.returns !== 'id' ? (value as Record<string, unknown>)[spec.returns] : value);

  it('before migration: the legacy upload receives the video and its share_id comes back', async ({ skip }) => {
    if (spec.source === 'url') skip('the legacy API took no URL: nothing to compare before');
    if (spec.legacyNeverWorked) skip(`the legacy program never worked: ${spec.legacyNeverWorked}`);
    const before = mock.state.legacyUploads.length;
    const value = await run(name, 'input', spec);
    const upload = mock.state.legacyUploads[before];
    expect(mock.state.legacyUploads).toHaveLength(before + 1);
    expect(upload.sha256).toBe(videoSha);
    expect(upload.accessToken).toBe(USER.accessToken);
    if (spec.videoType) expect(upload.contentType).toBe(spec.videoType);
    if (spec.returns !== 'none') expect(idIn(value)).toBe(upload.shareId);
  }, 30_000);

  it('after migration: init + PUT deliver the same bytes and its publish_id comes back', async () => {
    const known = new Set(mock.state.publishes.keys());
    const value = await run(name, 'output', spec);
    const created = [...mock.state.publishes.values()].filter((task) => !known.has(task.publishId));
    expect(created).toHaveLength(1);
    const [task] = created;
    expect(task.accessToken).toBe(USER.accessToken);
    if (spec.source === 'url') expect(task.source).toBe('PULL_FROM_URL');
    else expect(task.sha256).toBe(videoSha);
    if (spec.source !== 'url')
      expect(new Set(task.chunks.map((chunk) => chunk.contentType))).toEqual(new Set([spec.videoType ?? 'video/mp4']));
    if (spec.returns !== 'none') expect(idIn(value)).toBe(task.publishId);
  }, 30_000);
});
