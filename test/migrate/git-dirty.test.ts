import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUncommittedChanges } from '../../src/migrate/git-dirty.js';
import { commitAll, tempTree } from './helpers.js';

let repo: string;
let outside: string;

beforeAll(() => {
  repo = tempTree({ 'src/a.js': 'a\n', 'src/b.js': 'b\n', 'lib/c.js': 'c\n', 'docs/d.md': 'd\n', 'weird[1].js': 'w\n' });
  commitAll(repo);
  outside = tempTree({ 'x.js': 'x\n' });
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('findUncommittedChanges', () => {
  it('is clean on a committed tree, and outside any repository', async () => {
    expect(await findUncommittedChanges(['.'], repo)).toEqual({ kind: 'clean' });
    expect(await findUncommittedChanges(['.', 'x.js'], outside)).toEqual({ kind: 'clean' });
  });

  it('looks at the targets only: folders, files and the folder a glob starts in', async () => {
    writeFileSync(join(repo, 'docs/d.md'), 'edited\n');
    try {
      expect(await findUncommittedChanges(['src', 'lib/c.js', 'lib/**/*.js'], repo)).toEqual({ kind: 'clean' });
      expect(await findUncommittedChanges(['docs/*.md'], repo)).toMatchObject({ kind: 'dirty', entries: [' M docs/d.md'] });
      expect(await findUncommittedChanges(['.'], join(repo, 'docs'))).toMatchObject({ kind: 'dirty', entries: [' M docs/d.md'] });
    } finally {
      writeFileSync(join(repo, 'docs/d.md'), 'd\n');
    }
  });

  it('reports modified, staged, deleted and untracked files, and a file name is not a pattern', async () => {
    writeFileSync(join(repo, 'src/a.js'), 'edited\n');
    rmSync(join(repo, 'src/b.js'));
    mkdirSync(join(repo, 'src/new'), { recursive: true });
    writeFileSync(join(repo, 'src/new/n.js'), 'n\n');
    writeFileSync(join(repo, 'weird1.js'), 'not the same file\n');
    const state = await findUncommittedChanges(['src', 'weird[1].js'], repo);
    expect(state).toMatchObject({ kind: 'dirty', folder: join(repo, 'src') });
    expect(state.kind === 'dirty' && [...state.entries].sort()).toEqual([' D src/b.js', ' M src/a.js', '?? src/new/']);
    expect(await findUncommittedChanges(['weird[1].js'], repo)).toEqual({ kind: 'clean' });
  });
});
