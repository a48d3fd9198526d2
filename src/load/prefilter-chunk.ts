import { readError } from '../files/file-errors.js';
import { createMarkerTest, type ByteTest } from './prefilter.js';
import { ReusableReader } from './read-into.js';

/** A share of the prefilter: which of `files` hold one of `markers`. Plain data, for worker threads. */
export interface PrefilterTask {
  readonly files: readonly string[];
  readonly markers: readonly string[];
  /** Also list the relative module specifiers of every JavaScript or TypeScript file (for `--shard`). */
  readonly collectImports?: boolean;
}

export interface PrefilterChunkResult {
  /** Indexes into the task's files. */
  readonly matched: number[];
  readonly unreadable: Array<[index: number, reason: string]>;
  /** With `collectImports`: index → the specifiers the file imports, re-exports or requires. */
  readonly imports: Array<[index: number, specifiers: string[]]>;
}

/**
 * `from '../check/x'`, `import '#config'`, `import('@/x')`, `require('../x')`: read off the bytes without
 * parsing. Bare ones too, since a `tsconfig.json` alias may look like a package; `node:` builtins
 * never point into the project. A specifier in a comment or string only costs an extra file read.
 */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])((?!node:)[^'"\n]+)\1/g;
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export function importSpecifiers(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(SPECIFIER), (match) => match[2]))];
}

const reader = new ReusableReader();
const tests = new Map<string, ByteTest>();

/** Runs in this thread or in a worker: the same reading and the same test either way. */
export function prefilterChunk({ files, markers, collectImports = false }: PrefilterTask): PrefilterChunkResult {
  const key = markers.join('\0');
  let test = tests.get(key);
  if (!test) tests.set(key, (test = createMarkerTest(markers)));
  const matched: number[] = [];
  const unreadable: Array<[number, string]> = [];
  const imports: Array<[number, string[]]> = [];
  files.forEach((file, index) => {
    let bytes: Buffer;
    try {
      bytes = reader.read(file);
    } catch (error) {
      return void unreadable.push([index, readError(error)]);
    }
    if (test(bytes)) matched.push(index);
    if (collectImports && SOURCE_FILE.test(file)) imports.push([index, importSpecifiers(bytes.toString('latin1'))]);
  });
  return { matched, unreadable, imports };
}
