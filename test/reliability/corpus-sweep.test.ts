import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';
import { SOURCE_EXTENSIONS } from '../../src/detect/parse.js';
import { ensureBuilt } from '../support/ensure-built.js';

/**
 * Item 3 of the reliability issue: the migration over real code that never calls TikTok changes
 * nothing, finds nothing and fails on nothing. The small corpus of `../shared/bench/make-corpus.sh`
 * (date-fns, rxjs, axios: about 6,500 files) is used where it is: `MSV_CORPUS_SMALL`, or
 * `../corpus/small` beside the checkout; else it is built into `node_modules/.cache/` when the script
 * is there and the npm registry answers (about 36 s here); else the test is skipped, saying why.
 * The full corpus is for the measurement in the README, not the suite.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');
const SCRIPT = resolve(ROOT, '../shared/bench/make-corpus.sh');
const COMPLETE = '.corpus-complete';
/** Files the codemod parses with recast in-process, prefilter bypassed: an even sample of the corpus. */
const SAMPLE = 400;

let corpus: string | undefined;
let unavailable = '';

function locateOrBuild(): void {
  for (const candidate of [
    process.env.MSV_CORPUS_SMALL,
    resolve(ROOT, '../corpus/small'),
    join(ROOT, 'node_modules/.cache/msv-corpus-small'),
  ]) {
    if (candidate && existsSync(join(candidate, COMPLETE))) return void (corpus = candidate);
  }
  if (!existsSync(SCRIPT)) return void (unavailable = `no corpus and no ${SCRIPT} to build one`);
  const ping = spawnSync('npm', ['ping', '--loglevel=error'], { encoding: 'utf8', timeout: 20_000 });
  if (ping.status !== 0)
    return void (unavailable = `no corpus, and the npm registry does not answer (npm ping: ${(ping.stderr || ping.error?.message || '').trim().split('\n')[0]})`);
  const target = join(ROOT, 'node_modules/.cache/msv-corpus-small');
  const started = performance.now();
  const build = spawnSync('bash', [SCRIPT, target, 'small'], { encoding: 'utf8', timeout: 240_000 });
  if (build.status !== 0 || !existsSync(join(target, COMPLETE))) {
    return void (unavailable = `building the corpus failed (${build.error?.message ?? `exit ${build.status}`}): ${(build.stderr ?? '').trim().split('\n').at(-1)}`);
  }
  console.log(`built the small corpus in ${((performance.now() - started) / 1000).toFixed(1)} s at ${target}`);
  corpus = target;
}

function sourceFiles(folder: string, into: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) sourceFiles(path, into);
    else if (
      entry.isFile() &&
      (SOURCE_EXTENSIONS as readonly string[]).some((extension) => entry.name.endsWith(extension)) &&
      !entry.name.endsWith('.d.ts')
    )
      into.push(path);
  }
  return into;
}

beforeAll(() => {
  ensureBuilt();
  locateOrBuild();
  if (unavailable) console.warn(`corpus sweep skipped: ${unavailable}`);
}, 300_000);

describe('the migration over the small clean corpus', () => {
  it('--dry-run: 0 changes, 0 TODOs, 0 errors, exit 0', (context) => {
    if (!corpus) return context.skip(unavailable);
    const run = spawnSync(process.execPath, [BIN, '.', '--dry-run', '--format', 'json'], {
      cwd: corpus,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { changes: unknown[]; todos: unknown[]; errors: unknown[]; summary: { filesScanned: number } };
    expect({ changes: report.changes, todos: report.todos, errors: report.errors }).toEqual({ changes: [], todos: [], errors: [] });
    expect(report.summary.filesScanned).toBeGreaterThan(2000);
  }, 120_000);

  it('--check: 0 findings, 0 files it could not check, exit 0', (context) => {
    if (!corpus) return context.skip(unavailable);
    const run = spawnSync(process.execPath, [BIN, '--check', '.', '--format', 'json'], {
      cwd: corpus,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; summary: { errors: unknown[] } };
    expect(report.findings).toEqual([]);
    expect(report.summary.errors).toEqual([]);
  }, 120_000);

  it(`the codemod itself, prefilter bypassed, on ${SAMPLE} files spread over the corpus: no crash, not a byte changed`, (context) => {
    if (!corpus) return context.skip(unavailable);
    const files = sourceFiles(corpus).sort();
    const step = Math.max(1, Math.floor(files.length / SAMPLE));
    const crashes: string[] = [];
    const changed: string[] = [];
    for (let at = 0; at < files.length; at += step) {
      const text = readFileSync(files[at]!, 'utf8');
      const name = files[at]!.slice(corpus.length + 1);
      try {
        if (transformSource(text, name).output !== text) changed.push(name);
      } catch (error) {
        // A file the parser itself rejects (there are none in this corpus) is the bad-inputs test's.
        crashes.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect({ crashes, changed }).toEqual({ crashes: [], changed: [] });
  }, 180_000);
});
