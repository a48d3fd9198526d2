import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from '../detect/ast.js';
import { SOURCE_EXTENSIONS } from '../detect/source-extensions.js';
import { parseError, readError, type FileError } from '../files/file-errors.js';
import { createMarkerTest, mayContainLegacy, type ByteTest } from './prefilter.js';
import { prefilterFiles, PrefilterRun } from './prefilter-files.js';
import { looksMinified } from './minified.js';
import { resolveModule } from './resolve-module.js';
import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';
import { V1_ENDPOINTS } from '../contract/index.js';
import { goPackageNames, goPackageOf, isGoFile } from '../text-scan/scan-text.js';
import { collectExports, importedNames, type ExportsByFile } from './project-exports.js';

/** A file that passed the prefilter, as read. */
interface LoadedFile {
  /** Absolute. */
  readonly file: string;
  /** Relative to cwd, forward slashes: the path findings and reports carry. */
  readonly path: string;
  /** The bytes read, so that a writer can tell whether the file changed since. */
  readonly bytes: Buffer;
  readonly text: string;
}

interface LoadedModule extends LoadedFile {
  readonly ast: Node;
  /** Failed the prefilter, then was read again because it names an export of a legacy module. */
  readonly foundByImport: boolean;
}

export interface LoadedProject {
  /** JavaScript and TypeScript modules that may hold legacy code, parsed, in reading order. */
  readonly modules: LoadedModule[];
  /** Other files that passed the prefilter: for the text scanner. */
  readonly texts: LoadedFile[];
  readonly errors: FileError[];
  /** Files that passed the prefilter (modules, texts and those that then failed to parse). */
  readonly analyzed: number;
  /** What the modules export that names a TikTok host or a legacy path. */
  readonly exportsByFile: ExportsByFile;
  /** Absolute paths of every parsed module: where imports can resolve. */
  readonly known: ReadonlySet<string>;
}

export interface LoadOptions {
  readonly cwd: string;
  /**
   * For progress: called once for each file as soon as it is read, except the modules of the first
   * pass (`foundByImport` false), which the caller is still to work on.
   */
  readonly onSettled?: (file: string) => void;
  /**
   * `--shard`: the other shards' files (absolute). They are not analyzed; the ones this shard's
   * modules import are read, and parsed if they hold a marker, for the legacy constants they export.
   */
  readonly foreignFiles?: readonly string[];
  /** The prefilter the discovery fed while it walked (see {@link startPrefilter}); files it lacks are read now. */
  readonly prefilter?: PrefilterRun;
}

/**
 * A prefilter for the legacy markers, to hand to `discoverFiles` (`onFiles`) and then to
 * {@link loadProject}: reading starts while the walk goes on. `collectImports` for `--shard`.
 */
export function startPrefilter(options: { collectImports?: boolean } = {}): PrefilterRun {
  return new PrefilterRun(ANALYSIS_MARKERS, options);
}

/** Parses a module another shard reports; here only its exports count, so any failure is its shard's to report. */
async function loadForeign(file: string): Promise<{ file: string; text: string; ast: Node } | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, ast: await parseModule(text, file) };
  } catch {
    return undefined;
  }
}

/**
 * The parser (Babel, the biggest module `--check` loads) is loaded on the first file that passes
 * the prefilter: a pre-commit hook's clean commit never loads it.
 */
let parser: Promise<typeof import('../detect/parse.js')> | undefined;
async function parseModule(text: string, file: string): Promise<Node> {
  parser ??= import('../detect/parse.js');
  return (await parser).parseModule(text, file);
}

const isSource = (file: string) => (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());

/**
 * Reads every file once; files that pass the prefilter are parsed (JS/TS) or kept for the text
 * scanner (other languages). Then the exports of the parsed modules are collected, and modules that
 * failed the prefilter are read again for the names of those exports: a module that imports a
 * legacy constant may hold no marker of its own. A file that cannot be read or parsed is reported
 * and skipped. `--check` and the rewrite both start here, so they see the same files.
 */
export async function loadProject(files: readonly string[], options: LoadOptions): Promise<LoadedProject> {
  const relative = (file: string) => path.relative(options.cwd, file).split(path.sep).join('/');
  const onSettled = options.onSettled ?? (() => {});
  const errors: FileError[] = [];
  const parsed = new Map<string, LoadedModule>();
  const texts: LoadedFile[] = [];
  const unmatchedSources: string[] = [];
  const unmatchedGo: string[] = [];
  let analyzed = 0;

  // The prefilter names the legacy files while the rest is still being read: this thread reads and
  // parses them between its own shares of the reading. Whatever fails is reported in `load`.
  const prefilter = options.prefilter ?? startPrefilter({ collectImports: options.foreignFiles !== undefined });
  const earlyBytes = new Map<string, Promise<Buffer>>();
  const earlyAst = new Map<string, Promise<Node | undefined>>();
  prefilter.onMatch((file) => {
    const bytes = readFile(file);
    earlyBytes.set(file, bytes);
    bytes.catch(() => {});
    if (!isSource(file)) return;
    const ast = bytes.then((read) => {
      const text = read.toString('utf8');
      return looksMinified(text) ? undefined : parseModule(text, file);
    });
    earlyAst.set(file, ast);
    ast.catch(() => {});
  });

  /** `secondLook`: the file was read and settled before, and failed the prefilter then. */
  const load = async (file: string, accept: ByteTest, secondLook: boolean): Promise<void> => {
    const settle = secondLook ? () => {} : () => onSettled(file);
    let bytes: Buffer;
    try {
      bytes = await (earlyBytes.get(file) ?? readFile(file));
    } catch (error) {
      errors.push({ file: relative(file), reason: readError(error) });
      return settle();
    }
    if (!accept(bytes)) {
      if (!secondLook && isSource(file)) unmatchedSources.push(file);
      if (!secondLook && isGoFile(file)) unmatchedGo.push(file);
      return settle();
    }
    if (bytes.subarray(0, 8000).includes(0)) {
      errors.push({ file: relative(file), reason: 'binary content (a NUL byte), not analyzed' });
      return settle();
    }
    analyzed++;
    const text = bytes.toString('utf8');
    // A minified bundle is reported like a file of another language: scanned, never rewritten.
    if (!isSource(file) || looksMinified(text)) {
      texts.push({ file, path: relative(file), bytes, text });
      return settle();
    }
    try {
      parsed.set(file, {
        file,
        path: relative(file),
        bytes,
        text,
        ast: (await earlyAst.get(file)) ?? (await parseModule(text, file)),
        foundByImport: secondLook,
      });
    } catch (error) {
      // A byte that is not UTF-8 decodes to U+FFFD, which the parser then names: say what it is.
      const notUtf8 = text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes);
      errors.push({ file: relative(file), reason: `${notUtf8 ? 'is not valid UTF-8 and ' : ''}${parseError(error)}` });
      // Still scanned as text, so the report says which legacy lines wait in it (it stays failed, and unwritten).
      texts.push({ file, path: relative(file), bytes, text });
      settle();
    }
  };

  // Every byte is read once by the prefilter (on threads for a large tree); the few files that pass
  // are read again here, whole, to be decoded and parsed.
  const foreign = options.foreignFiles;
  const first = await prefilter.outcomeFor(files);
  for (const { file, reason } of first.unreadable) {
    errors.push({ file: relative(file), reason });
    onSettled(file);
  }
  for (const file of first.unmatched) {
    if (isSource(file)) unmatchedSources.push(file);
    if (isGoFile(file)) unmatchedGo.push(file);
    onSettled(file);
  }
  for (const file of first.matched) await load(file, mayContainLegacy, false);

  // A Go package is its folder: a file sending a request through a constant its sibling holds a
  // legacy URL in (`endpointToken`) names no legacy marker of its own.
  const goNames = goPackageNames(texts);
  for (const file of unmatchedGo) {
    const names = goNames.get(goPackageOf(relative(file)));
    if (names) await load(file, createMarkerTest(names), true);
  }

  // A shard sees the legacy constants of other shards' modules where its own modules import them.
  const foreignModules = [];
  if (foreign !== undefined) {
    const own = new Set(files);
    const all = new Set([...files, ...foreign]);
    const targets = new Set<string>();
    for (const [file, specifiers] of first.imports) {
      for (const specifier of specifiers) {
        const target = resolveModule(file, specifier, all);
        if (target !== undefined && !own.has(target) && isSource(target)) targets.add(target);
      }
    }
    const { matched } = await prefilterFiles([...targets].sort(), ANALYSIS_MARKERS);
    for (const file of matched) {
      const module = await loadForeign(file);
      if (module) foreignModules.push(module);
    }
  }

  const exportsByFile = collectExports([...parsed.values(), ...foreignModules]);
  const wanted = exportsByFile.size > 0 ? importedNames(exportsByFile) : [];
  const candidates = new Set(unmatchedSources);
  if (wanted.length > 0) {
    const second = await prefilterFiles(unmatchedSources.splice(0), wanted);
    for (const { file, reason } of second.unreadable) errors.push({ file: relative(file), reason });
    const mentionsWanted = createMarkerTest(wanted);
    for (const file of second.matched) await load(file, mentionsWanted, true);
  }

  // A TypeScript module that sends a v1 token or Display API call may type its answer with an
  // interface of another module of the app: that module comes along, so that the project pass may
  // make the type v2 where it is declared (`src/project/v2-answer-types.ts`).
  const typeModules = typeModulesOfAnswerCalls([...parsed.values()], candidates).filter((file) => !parsed.has(file));
  for (const file of typeModules) await load(file, () => true, true);
  // And the modules that name those modules: they may use the type too, and keep it as it is then.
  if (typeModules.length > 0) {
    const stems = [...new Set(typeModules.map((file) => path.basename(file).replace(TYPESCRIPT, '')))];
    const rest = [...candidates].filter((file) => !parsed.has(file) && TYPESCRIPT.test(file));
    const users = await prefilterFiles(rest, stems);
    for (const file of users.matched) await load(file, () => true, true);
  }

  return {
    modules: [...parsed.values()],
    texts,
    errors,
    analyzed,
    exportsByFile,
    known: new Set([...parsed.keys(), ...foreignModules.map(({ file }) => file)]),
  };
}

/** The paths of the v1 calls whose answer types the project pass makes v2: the code exchange, the refresh, user info, the video list. */
const TYPED_ANSWER_PATHS = V1_ENDPOINTS.filter((endpoint) =>
  ['code-exchange', 'token-refresh', 'user-info', 'video-list'].includes(endpoint.rewrite ?? ''),
).map((endpoint) => endpoint.path.replace(/\/$/, ''));
const TYPESCRIPT = /\.(?:c|m)?tsx?$/i;

/** The given source files that TypeScript modules with a v1 token or Display API call import by a relative path. */
function typeModulesOfAnswerCalls(modules: readonly LoadedModule[], candidates: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const module of modules) {
    if (!TYPESCRIPT.test(module.file) || !TYPED_ANSWER_PATHS.some((path) => module.text.includes(path))) continue;
    const tree = module.ast as { program?: { body: Node[] }; body?: Node[] };
    for (const statement of tree.program?.body ?? tree.body ?? []) {
      const source = (statement as { type: string; source?: { value?: unknown } }).source?.value;
      const specifier = statement.type === 'ImportDeclaration' && typeof source === 'string' ? source : '';
      const target = specifier.startsWith('.') ? resolveModule(module.file, specifier, candidates) : undefined;
      if (target && TYPESCRIPT.test(target)) found.add(target);
    }
  }
  return [...found].sort();
}
