import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/files/discover.js';

let root: string;
let outside: string;

function write(base: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

async function discover(targets: string[], ignorePatterns: string[] = [], cwd = root) {
  const result = await discoverFiles(targets, { cwd, ignorePatterns });
  return { ...result, files: result.files.map((file) => relative(cwd, file).split('\\').join('/')) };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'msv-discover-'));
  outside = mkdtempSync(join(tmpdir(), 'msv-outside-'));
  write(outside, { 'elsewhere.js': '', 'deep/other.py': '' });
  write(root, {
    '.gitignore': 'generated/\n*.secret.py\nbuild/\ncoverage/\n',
    'src/app.ts': '',
    'src/view.tsx': '',
    'src/esm.mts': '',
    'src/legacy.cjs': '',
    'src/types.d.ts': '',
    'src/local.d.ts': '',
    'src/dist-types/api.d.ts': '',
    'src/types.d.mts': '',
    'src/upload.py': '',
    'src/notes.md': '',
    'src/logo.png': '',
    'src/Makefile': '',
    'src/local.js': '',
    'src/sub/.gitignore': 'local.js\n!keep.secret.py\n',
    'src/sub/local.js': '',
    'src/sub/kept.js': '',
    'src/sub/keep.secret.py': '',
    'src/drop.secret.py': '',
    'generated/client.js': '',
    'node_modules/pkg/index.js': '',
    'src/node_modules/pkg/index.js': '',
    'dist/bundle.js': '',
    'build/out.js': '',
    'coverage/lcov.js': '',
    '.next/server.js': '',
    '.git/hooks/pre-commit.sh': '',
    '.github/workflows/ci.yml': '',
    '.env': '',
    '.env.example': '',
    'config/.env.production': '',
    'app/[id]/page.tsx': '',
  });
  symlinkSync('..', join(root, 'src/loop'), 'dir');
  symlinkSync(outside, join(root, 'src/outside'), 'dir');
  symlinkSync(join(root, 'src/app.ts'), join(root, 'src/linked.ts'), 'file');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('discoverFiles: walking a folder', () => {
  it('lists supported files, honours .gitignore files (build output is left to them), skips dependencies, VCS folders and links', async () => {
    const { files, missing, errors } = await discover(['.']);
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    expect(files).toEqual([
      '.env',
      '.env.example',
      '.github/workflows/ci.yml',
      '.next/server.js',
      'app/[id]/page.tsx',
      'config/.env.production',
      'dist/bundle.js',
      'src/app.ts',
      'src/esm.mts',
      'src/legacy.cjs',
      'src/local.js',
      'src/notes.md',
      'src/sub/keep.secret.py',
      'src/sub/kept.js',
      'src/types.d.mts',
      'src/types.d.ts',
      'src/upload.py',
      'src/view.tsx',
    ]);
  });

  it('reads a declaration file that stands alone, not one a compiler emitted beside its JavaScript', async () => {
    const { files } = await discover(['src']);
    // types.d.ts is written by hand (it may declare a legacy payload); local.d.ts is local.js's output.
    expect(files).toContain('src/types.d.ts');
    expect(files).not.toContain('src/local.d.ts');
    // Under a build folder (dist/, dist-types/, build/, out/) it is a package's emitted declarations.
    expect(files).not.toContain('src/dist-types/api.d.ts');
    // Named on the command line, it is read whatever stands beside it.
    expect((await discover(['src/local.d.ts'])).files).toEqual(['src/local.d.ts']);
  });

  it('returns absolute, sorted paths, each once', async () => {
    const { files } = await discoverFiles(['src', '.', 'src/app.ts'], { cwd: root, ignorePatterns: [] });
    expect(files.every((file) => file.startsWith(root))).toBe(true);
    expect(files).toEqual([...new Set(files)].sort());
    expect(files.filter((file) => file.endsWith('app.ts'))).toHaveLength(1);
  });

  it('applies --ignore-pattern in .gitignore syntax, relative to the working folder', async () => {
    const { files } = await discover(['.'], ['*.md', 'src/sub/', '/.env*', '.github']);
    expect(files).toEqual([
      '.next/server.js',
      'app/[id]/page.tsx',
      'config/.env.production',
      'dist/bundle.js',
      'src/app.ts',
      'src/esm.mts',
      'src/legacy.cjs',
      'src/local.js',
      'src/types.d.mts',
      'src/types.d.ts',
      'src/upload.py',
      'src/view.tsx',
    ]);
  });

  it('walks a folder that .gitignore excludes when it is named, and the .gitignore files inside still apply', async () => {
    write(root, { 'generated/.gitignore': 'skip.js\n', 'generated/skip.js': '' });
    const { files } = await discover(['generated']);
    expect(files).toEqual(['generated/client.js']);
  });

  it('walks a build folder that .gitignore excludes when it is named', async () => {
    expect((await discover(['build'])).files).toEqual(['build/out.js']);
  });
});

describe('discoverFiles: files named on the command line', () => {
  it('takes a supported file even if .gitignore excludes it', async () => {
    expect((await discover(['generated/client.js', 'src/drop.secret.py'])).files).toEqual(['generated/client.js', 'src/drop.secret.py']);
  });

  it('leaves out unsupported types and --ignore-pattern matches, and takes a declaration file named', async () => {
    const { files, missing } = await discover(['src/types.d.ts', 'src/logo.png', 'src/notes.md', 'src/app.ts'], ['*.md']);
    expect(files).toEqual(['src/app.ts', 'src/types.d.ts']);
    expect(missing).toEqual([]);
  });

  it('takes a path that looks like a glob but exists as written', async () => {
    expect((await discover(['app/[id]/page.tsx'])).files).toEqual(['app/[id]/page.tsx']);
  });

  it('reports targets that do not exist', async () => {
    const { files, missing } = await discover(['src/app.ts', 'nope', 'src/nope.py']);
    expect(files).toEqual(['src/app.ts']);
    expect(missing).toEqual(['nope', 'src/nope.py']);
  });

  it('takes absolute paths and files outside the working folder', async () => {
    const { files } = await discoverFiles([join(outside, 'elsewhere.js')], { cwd: root, ignorePatterns: [] });
    expect(files).toEqual([join(outside, 'elsewhere.js')]);
  });
});

describe('discoverFiles: globs', () => {
  it('expands a glob and applies .gitignore to what it matches', async () => {
    const { files, missing } = await discover(['**/*.py']);
    expect(missing).toEqual([]);
    expect(files).toEqual(['src/sub/keep.secret.py', 'src/upload.py']);
  });

  it('never matches inside dependency folders, nor through links; build output only where .gitignore keeps it', async () => {
    const { files } = await discover(['**/*.js']);
    expect(files).toEqual(['.next/server.js', 'dist/bundle.js', 'src/local.js', 'src/sub/kept.js']);
  });

  it('counts a glob that matches nothing as missing', async () => {
    expect((await discover(['**/*.rb'])).missing).toEqual(['**/*.rb']);
  });

  it('applies --ignore-pattern to glob matches', async () => {
    expect((await discover(['src/*.{ts,tsx}'], ['*.tsx'])).files).toEqual(['src/app.ts', 'src/types.d.ts']);
  });
});

describe('discoverFiles: inside a git repository', () => {
  it("applies the repository root's .gitignore and .git/info/exclude to a subfolder target", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'msv-repo-'));
    try {
      write(repo, {
        '.git/info/exclude': 'private/\n',
        '.gitignore': '*.gen.js\n',
        'packages/web/src/app.js': '',
        'packages/web/src/api.gen.js': '',
        'packages/web/private/key.js': '',
      });
      const { files } = await discover(['packages/web'], [], repo);
      expect(files).toEqual(['packages/web/src/app.js']);
      const fromInside = await discover(['.'], [], join(repo, 'packages/web'));
      expect(fromInside.files).toEqual(['src/app.js']);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('discoverFiles: many packages', () => {
  // Speed is measured by `npm run bench`, not here; this checks that every nested .gitignore applies.
  it("applies each package's own .gitignore across a wide tree", async () => {
    const big = mkdtempSync(join(tmpdir(), 'msv-wide-'));
    try {
      for (let a = 0; a < 20; a++) {
        mkdirSync(join(big, `pkg${a}`, 'lib'), { recursive: true });
        writeFileSync(join(big, `pkg${a}`, '.gitignore'), `ignored-${a}.js\n`);
        for (let b = 0; b < 50; b++) writeFileSync(join(big, `pkg${a}`, 'lib', `f${b}.${b % 2 ? 'js' : 'ts'}`), '');
        writeFileSync(join(big, `pkg${a}`, 'lib', `ignored-${a}.js`), '');
        writeFileSync(join(big, `pkg${a}`, 'lib', `f.min.js`), '');
      }
      const { files } = await discoverFiles(['.'], { cwd: big, ignorePatterns: ['*.min.js'] });
      expect(files).toHaveLength(1_000);
      expect(files.some((file) => /ignored-|\.min\.js$/.test(file))).toBe(false);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});
