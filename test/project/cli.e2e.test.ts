import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The project pass through the built CLI: a copy of each multi-file fixture's `input/` rewritten in
 * place (`--allow-dirty`: the copy is no git tree) must end up as its `output/`, on worker threads
 * and in the main thread alike, and a second run must change nothing.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/migrate-share-video.cjs');
const FIXTURES = path.join(ROOT, 'fixtures');
const CASES_ROOT = path.join(FIXTURES, 'rename-payload-types');
/** Every multi-file case, as `<transform>/<case>`. */
const cases = readdirSync(FIXTURES)
  .filter((transform) => transform !== 'detect' && statSync(path.join(FIXTURES, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(FIXTURES, transform)).map((name) => `${transform}/${name}`))
  .filter((name) => existsSync(path.join(FIXTURES, name, 'input')))
  .sort();

let scratch: string;

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(path.join(ROOT, 'dist/src/project/rename-payload-types.js'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')]);
  }
  scratch = mkdtempSync(path.join(tmpdir(), 'msv-project-'));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function readTree(folder: string): Record<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .sort();
  return Object.fromEntries(names.map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(folder, name), 'utf8')]));
}

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: scratch, env, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe.for(
  cases.flatMap((name) => [
    [name, '1'],
    [name, '2'],
  ]),
)('migrate-share-video on %s, --workers %s', ([name, workers]) => {
  it('leaves the files as output/ says, and a second run changes nothing', () => {
    const copy = path.join(scratch, `${name.replace('/', '--')}-${workers}`);
    cpSync(path.join(FIXTURES, name, 'input'), copy, { recursive: true });
    const expected = readTree(path.join(FIXTURES, name, 'output'));
    const todos = Object.values(expected).join('').split('TODO(migrate-share-video)').length - 1;

    const first = run([copy, '--allow-dirty', '--workers', workers]);
    expect(first.stderr).toBe('');
    // One comment per site; a site may hold several findings (the URL, its query tokens), each counted.
    const reported = Number(/, (\d+) TODOs? left, 0 errors, in /.exec(first.stdout)?.[1]);
    expect(reported).toBeGreaterThanOrEqual(todos);
    expect(reported > 0).toBe(todos > 0);
    expect(first.status).toBe(todos > 0 ? 1 : 0);
    expect(readTree(copy)).toEqual(expected);

    const second = run([copy, '--allow-dirty', '--workers', workers]);
    expect(second.stdout).toMatch(/ 0 changed, 0 sites rewritten, /);
    expect(readTree(copy)).toEqual(expected);
  });
});

describe('migrate-share-video --dry-run on a multi-file fixture', () => {
  it("shows the project pass's renames in the diff and writes nothing", () => {
    const copy = path.join(scratch, 'dry-run');
    cpSync(path.join(CASES_ROOT, 'webhook-content-across-files/input'), copy, { recursive: true });
    const before = readTree(copy);
    const { status, stdout } = run([copy, '--dry-run']);
    expect(status).toBe(0);
    expect(stdout).toContain('-export async function markPublished({ share_id }: TikTokWebhookContent)');
    expect(stdout).toContain('+export async function markPublished({ publish_id: share_id }: TikTokWebhookContent)');
    expect(stdout).toContain('+  publish_id: string;');
    expect(readTree(copy)).toEqual(before);
  });
});
