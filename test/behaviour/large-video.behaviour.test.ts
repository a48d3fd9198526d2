import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT, UPLOAD_FIXTURES } from './fixture-program.js';

/**
 * A video over 64 MiB, which the legacy API never took, through rewritten fixtures (after migration
 * only): the helper must split it into chunks that follow the contract's §4.2 rules, PUT them in
 * order, and the mock must reassemble the very same bytes. One fixture per client family whose
 * helper slices differently: fetch (Blob.slice), axios (a Buffer's Uint8Array slices), got (a Buffer
 * read from the path), XMLHttpRequest in jsdom (a File's Blob slices).
 */
const MiB = 1024 * 1024;
/** Over 64 MiB and odd, so the chunk size is not a divisor: the trailing bytes go in the last chunk. */
const VIDEO_SIZE = 70 * MiB + 12_345;
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-behaviour-large');
const NODE_DRIVER = path.join(import.meta.dirname, 'drive-fixture.mjs');
const BROWSER_DRIVER = path.join(import.meta.dirname, 'drive-browser-fixture.mjs');
const USER = DEFAULT_USERS.alice;

/** The contract's chunk rules (§4.2), MiB as 1,048,576 bytes. */
const MIN_CHUNK = 5 * MiB;
const MAX_CHUNK = 64 * MiB;
const MAX_FINAL_CHUNK = 128 * MiB;

interface Case {
  readonly name: string;
  readonly client: string;
  /** Run in jsdom by its browser scenario (drive-browser-fixture.mjs) instead of its behaviour.json. */
  readonly browser?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'fetch-formdata-template-query-tokens', client: 'fetch' },
  { name: 'axios-config-call', client: 'axios' },
  { name: 'got-searchparams-form-data-json', client: 'got' },
  { name: 'xhr-browser-module-promise', client: 'XMLHttpRequest', browser: true },
];

let mock: TikTokMock;
let video: string;
let videoSha: string;

beforeAll(async () => {
  mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
  mkdirSync(WORK, { recursive: true });
  video = path.join(WORK, 'long-clip.mp4');
  const bytes = Buffer.allocUnsafe(VIDEO_SIZE);
  let state = 0x9e3779b9;
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    state = (state ^ (state << 13)) >>> 0; // xorshift32: deterministic, and no two chunks alike
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    bytes.writeUInt32LE(state, i);
  }
  bytes.fill(0xa5, VIDEO_SIZE - (VIDEO_SIZE % 4));
  writeFileSync(video, bytes);
  videoSha = createHash('sha256').update(bytes).digest('hex');
}, 60_000);

afterAll(async () => {
  await mock?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Runs the rewritten fixture with the large video; returns the publish_id it handed back. */
async function runOutput({ name, browser }: Case): Promise<string> {
  const program = fixtureProgram(WORK, name, 'output');
  const env = { BEHAVIOUR_OPEN_ID: USER.openId, BEHAVIOUR_ACCESS_TOKEN: USER.accessToken, BEHAVIOUR_VIDEO_PATH: video };
  if (browser) {
    cpSync(path.join(import.meta.dirname, 'react-stub'), path.join(WORK, name, 'node_modules/react'), { recursive: true });
    const run = await runNodeProgram(mock, {
      args: [BROWSER_DRIVER, name, program],
      env: { ...env, BEHAVIOUR_TIMEOUT_MS: '50000' },
      timeoutMs: 60_000,
    });
    const { responseText } = programResult(`${name} output`, run) as { responseText: string };
    return (JSON.parse(responseText) as { data: { publish_id: string } }).data.publish_id;
  }
  const spec = JSON.parse(readFileSync(path.join(UPLOAD_FIXTURES, name, 'behaviour.json'), 'utf8')) as { returns?: string };
  const run = await runNodeProgram(mock, { args: [NODE_DRIVER, program, JSON.stringify(spec)], env, timeoutMs: 60_000 });
  const value = programResult(`${name} output`, run);
  return (spec.returns && spec.returns !== 'id' ? (value as Record<string, unknown>)[spec.returns] : value) as string;
}

describe.for(CASES)(`a ${(VIDEO_SIZE / MiB).toFixed(1)} MiB video after migration: $client ($name)`, (testCase) => {
  it('goes up in several chunks that follow the chunk rules, and the bytes reassemble', async () => {
    const known = new Set(mock.state.publishes.keys());
    const requestsBefore = mock.state.requests.length;
    const publishId = await runOutput(testCase);

    const created = [...mock.state.publishes.values()].filter((task) => !known.has(task.publishId));
    expect(created).toHaveLength(1);
    const [task] = created;
    expect(publishId).toBe(task.publishId);
    expect(task.source).toBe('FILE_UPLOAD');

    // The init numbers (§3.2, §4.2).
    const S = task.videoSize!;
    const C = task.chunkSize!;
    const N = task.totalChunkCount!;
    expect(S).toBe(VIDEO_SIZE);
    expect(N).toBeGreaterThanOrEqual(2); // S > 64 MiB needs several chunks
    expect(N).toBe(Math.floor(S / C)); // floor: trailing bytes merge into the last chunk
    expect(C).toBeGreaterThanOrEqual(MIN_CHUNK);
    expect(C).toBeLessThanOrEqual(MAX_CHUNK);

    // The chunks as they arrived: in order, contiguous, each C long but the last, which holds the rest.
    expect(task.chunks.map((chunk) => chunk.index)).toEqual([...Array(N).keys()]);
    let next = 0;
    for (const [i, chunk] of task.chunks.entries()) {
      const final = i === N - 1;
      expect(chunk.first).toBe(next);
      expect(chunk.length).toBe(chunk.last - chunk.first + 1);
      expect(chunk.length).toBe(final ? S - (N - 1) * C : C);
      expect(chunk.length).toBeGreaterThanOrEqual(MIN_CHUNK);
      expect(chunk.length).toBeLessThanOrEqual(final ? MAX_FINAL_CHUNK : MAX_CHUNK);
      expect(chunk.contentType).toBe('video/mp4');
      next = chunk.last + 1;
    }
    expect(next).toBe(S);
    expect(task.sha256).toBe(videoSha);

    // What the mock answered each PUT (§4.3): 206 while chunks remain, 201 for the last.
    const puts = mock.state.requests.slice(requestsBefore).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.status)).toEqual([...Array(N - 1).fill(206), 201]);
  }, 60_000);
});
