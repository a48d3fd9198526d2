import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';
import { ensureBuilt } from '../support/ensure-built.js';

/**
 * Item 2 of the reliability issue: a rewrite killed with SIGKILL midway leaves every file either as
 * it was or as the finished rewrite writes it, never half of each; a temporary file a write had
 * open may stay behind (`.<name>.<pid>.<hex>.migrate-share-video.tmp`) but never takes a real
 * file's place.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
const FILES = 300;
const TEMPORARY = /^\..+\.\d+\.[0-9a-f]{8}\.migrate-share-video\.tmp$/;

/** File `i`: a rewritable upload (every third one leaves a TODO), padded so that writes take a moment. */
function legacyFile(i: number): string {
  const padding = Array.from({ length: 40 }, (_, k) => `export function helper${i}_${k}(value) {\n  return value * ${k} + ${i};\n}\n`).join(
    '\n',
  );
  const body =
    i % 3 === 0
      ? `export const send${i} = (token, body) => fetch(\`${UPLOAD}?access_token=\${token}\`, { method: 'POST', body });\n`
      : [
          `export async function upload${i}(token, path) {`,
          '  const bytes = await readFile(path);',
          '  const form = new FormData();',
          `  form.append('video', new Blob([bytes], { type: 'video/mp4' }), 'clip${i}.mp4');`,
          `  const res = await fetch(\`${UPLOAD}?access_token=\${token}\`, { method: 'POST', body: form });`,
          '  const json = await res.json();',
          '  return json.data.share_id;',
          '}',
          '',
        ].join('\n');
  return `import { readFile } from 'node:fs/promises';\n\n${body}\n${padding}`;
}

const path = (i: number) => `src/part${i % 10}/upload-${i}.js`;
const before = new Map<string, string>();
const after = new Map<string, string>();

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

function makeTree(): string {
  const tree = mkdtempSync(join(tmpdir(), 'msv-kill-'));
  trees.push(tree);
  for (const [file, text] of before) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    writeFileSync(join(tree, file), text);
  }
  return tree;
}

/** Starts a rewrite of `tree` and SIGKILLs it when `killWhen` resolves; resolves once it is dead. */
async function killedRun(
  tree: string,
  killWhen: (child: ReturnType<typeof spawn>) => Promise<void>,
): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, [BIN, '.', '--allow-dirty', '--format', 'json'], { cwd: tree, stdio: 'ignore' });
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  await Promise.race([killWhen(child), exited]);
  child.kill('SIGKILL');
  return exited;
}

interface State {
  old: number;
  new: number;
  neither: string[];
  temporaries: string[];
}

function inspect(tree: string): State {
  const state: State = { old: 0, new: 0, neither: [], temporaries: [] };
  for (const [file, text] of before) {
    const now = readFileSync(join(tree, file), 'utf8');
    if (now === text) state.old++;
    else if (now === after.get(file)) state.new++;
    else state.neither.push(file);
  }
  for (let part = 0; part < 10; part++) {
    for (const name of readdirSync(join(tree, `src/part${part}`))) {
      if (!/^upload-\d+\.js$/.test(name)) state.temporaries.push(`src/part${part}/${name}`);
    }
  }
  return state;
}

beforeAll(() => {
  ensureBuilt();
  for (let i = 0; i < FILES; i++) {
    const text = legacyFile(i);
    before.set(path(i), text);
    after.set(path(i), transformSource(text, path(i), { projectRenamesTypes: true }).output);
  }
}, 120_000);

describe('a rewrite killed midway', () => {
  it('the expected rewrite changes every file', () => {
    for (const [file, text] of before) expect(after.get(file), file).not.toBe(text);
  });

  it("SIGKILL at the first file written: every file old or new, no temporary file in a real file's place", async () => {
    const tree = makeTree();
    const result = await killedRun(
      tree,
      () =>
        new Promise((killNow) => {
          // The first rename onto a real file's name is the first write landing (the temporary file
          // appears before it, and under load the rename may come later than a few ms after that):
          // kill a few ms into the writes.
          const watchers = Array.from({ length: 10 }, (_, part) =>
            watch(join(tree, `src/part${part}`), (_event, name) => {
              if (!name || TEMPORARY.test(name)) return;
              for (const watcher of watchers) watcher.close();
              setTimeout(killNow, 15);
            }),
          );
        }),
    );
    const state = inspect(tree);
    expect(result.signal).toBe('SIGKILL');
    expect(state.neither).toEqual([]);
    expect(state.old + state.new).toBe(FILES);
    expect(state.new).toBeGreaterThan(0);
    for (const temporary of state.temporaries) expect(temporary).toMatch(/\/\..+\.migrate-share-video\.tmp$/);
    for (const temporary of state.temporaries) expect(TEMPORARY.test(temporary.split('/').pop()!)).toBe(true);
  }, 120_000);

  it.each([100, 200, 300])(
    'SIGKILL %i ms after the start: every file old or new',
    async (ms) => {
      const tree = makeTree();
      await killedRun(tree, () => new Promise((killNow) => setTimeout(killNow, ms)));
      const state = inspect(tree);
      expect(state.neither).toEqual([]);
      expect(state.old + state.new).toBe(FILES);
      for (const temporary of state.temporaries) expect(TEMPORARY.test(temporary.split('/').pop()!)).toBe(true);
    },
    120_000,
  );

  it('a run left to finish writes exactly the expected rewrite', async () => {
    const tree = makeTree();
    const result = await killedRun(tree, () => new Promise(() => {}));
    expect(result.code).toBe(1);
    const state = inspect(tree);
    expect(state).toEqual({ old: 0, new: FILES, neither: [], temporaries: [] });
  }, 120_000);
});
