import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README promises that each built transform runs alone under plain jscodeshift
 * (`npx jscodeshift -t dist/transforms/<name>/index.js <files>`). jscodeshift loads a transform and
 * everything it imports through @babel/register, which turns ES modules into CommonJS: a module of
 * ours that it cannot turn (one reading `import.meta`, say) breaks every file. So the real CLI runs
 * each transform over a copy of the example app and must write what the same module gives in-process.
 */
const ROOT = resolve(import.meta.dirname, '..');
const JSCODESHIFT = join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const EXAMPLE = join(ROOT, 'examples/legacy-app/src');
const TRANSFORMS = readdirSync(join(ROOT, 'transforms')).sort();
let work: string;

const sources = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((file) => /\.(?:js|ts)$/.test(file)).sort();

beforeAll(() => {
  if (!TRANSFORMS.every((name) => existsSync(join(ROOT, 'dist/transforms', name, 'index.js')))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')]);
  }
  work = mkdtempSync(join(tmpdir(), 'msv-alone-'));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.for(TRANSFORMS)('dist/transforms/%s under the jscodeshift CLI', (name) => {
  it('rewrites the example app as the module does in-process, with no error', async () => {
    const tree = join(work, name);
    cpSync(EXAMPLE, tree, { recursive: true });
    const transform = join(ROOT, 'dist/transforms', name, 'index.js');
    const child = spawnSync(process.execPath, [JSCODESHIFT, '-t', transform, '--parser=tsx', '--extensions=js,ts', '--cpus=1', tree], {
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    // jscodeshift colours its summary where it thinks a terminal or CI can show colours.
    expect(stripVTControlCharacters(child.stdout)).toMatch(/^0 errors$/m);

    const { default: transformer } = (await import(pathToFileURL(transform).href)) as {
      default: (file: { path: string; source: string }, api: unknown, options: Record<string, unknown>) => string;
    };
    let changed = 0;
    for (const file of sources(EXAMPLE)) {
      const source = readFileSync(join(EXAMPLE, file), 'utf8');
      const expected = transformer({ path: join(tree, file), source }, {}, {});
      expect(readFileSync(join(tree, file), 'utf8'), file).toBe(expected);
      if (expected !== source) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  }, 60_000);
});
