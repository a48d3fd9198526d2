import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIfUnchanged } from '../../src/migrate/write-if-unchanged.js';
import { tempTree } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function fileIn(text: string, mode = 0o644): { root: string; file: string; bytes: Buffer } {
  const root = tempTree({ 'f.js': text });
  roots.push(root);
  const file = join(root, 'f.js');
  chmodSync(file, mode);
  return { root, file, bytes: readFileSync(file) };
}

describe('writeIfUnchanged', () => {
  it.for([0o755, 0o600, 0o644, 0o664])('writes the new text and keeps mode %o', async (mode) => {
    const { root, file, bytes } = fileIn('old\n', mode);
    expect(await writeIfUnchanged(file, bytes, 'new\n')).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o7777).toBe(mode);
    expect(readdirSync(root)).toEqual(['f.js']);
  });

  it('keeps the mode whatever the umask', async () => {
    const previous = process.umask(0o077);
    try {
      const { file, bytes } = fileIn('old\n', 0o755);
      await writeIfUnchanged(file, bytes, 'new\n');
      expect(statSync(file).mode & 0o7777).toBe(0o755);
    } finally {
      process.umask(previous);
    }
  });

  it('leaves a file that changed since it was read, and the temporary file is gone', async () => {
    const { root, file, bytes } = fileIn('old\n');
    writeFileSync(file, 'edited\n');
    expect(await writeIfUnchanged(file, bytes, 'new\n')).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe('edited\n');
    expect(readdirSync(root)).toEqual(['f.js']);
  });

  it('does not recreate a removed file', async () => {
    const { root, file, bytes } = fileIn('old\n');
    rmSync(file);
    expect(await writeIfUnchanged(file, bytes, 'new\n')).toBe('removed');
    expect(readdirSync(root)).toEqual([]);
  });

  // Root writes anywhere: this one runs only as another user.
  it.skipIf(process.getuid?.() === 0)('throws when the folder cannot be written, and leaves the file whole', async () => {
    const { root, file, bytes } = fileIn('old\n');
    chmodSync(root, 0o555);
    try {
      await expect(writeIfUnchanged(file, bytes, 'new\n')).rejects.toThrow(/EACCES|EPERM/);
      expect(readFileSync(file, 'utf8')).toBe('old\n');
    } finally {
      chmodSync(root, 0o755);
    }
  });
});
