import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';

/** Files of a TypeScript program, by absolute path. */
export interface ProgramFiles {
  /** The texts the pass works on: the run's files, after the per-file codemod. */
  readonly texts: ReadonlyMap<string, string>;
  /** Reads a file the run does not hold (a module one of them imports); undefined when there is none. */
  readonly readFile?: (file: string) => string | undefined;
}

export interface InMemoryProject {
  readonly project: Project;
  /** Absolute path as given → its source file. */
  readonly sourceFiles: ReadonlyMap<string, SourceFile>;
  /** The source file's path (as ts-morph spells it) → the absolute path as given. */
  readonly fileOf: (sourceFile: SourceFile) => string;
}

/** At most this many modules are added by following imports, so that a barrel file cannot pull in a whole monorepo. */
const MAX_IMPORTED_FILES = 5000;

const TS_FILE = /\.(c|m)?tsx?$/i;
/** `./x.js` names `./x.ts` as NodeNext and bundlers read it; likewise the other module extensions. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};
const WITHOUT_EXTENSION = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx', '/index.d.ts'];

/**
 * An in-memory ts-morph project of `roots` and the modules they import by relative path, followed
 * transitively: the run's own texts where it holds the module, else the file read from disk (for
 * types only; nothing outside the run is ever changed). No tsconfig is read, no package is resolved
 * (a bare import is `any` here), no `@types` is loaded; the ES2023 library is, so that `await`,
 * promises and arrays carry their element types to the references. Module resolution is
 * `bundler`: relative imports with or without an extension, `.js` naming `.ts` as NodeNext does.
 */
export function createInMemoryProject(roots: readonly string[], files: ProgramFiles): InMemoryProject {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: false,
    compilerOptions: {
      target: ts.ScriptTarget.ES2023,
      lib: ['lib.es2023.d.ts'],
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      moduleDetection: ts.ModuleDetectionKind.Force,
      jsx: ts.JsxEmit.Preserve,
      allowJs: false,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  });
  const sourceFiles = new Map<string, SourceFile>();
  const given = new Map<string, string>();
  const textOf = (file: string) => files.texts.get(file) ?? safeRead(files.readFile, file);

  const add = (file: string, text: string) => {
    const sourceFile = project.createSourceFile(toProjectPath(file), text, { overwrite: true });
    sourceFiles.set(file, sourceFile);
    given.set(sourceFile.getFilePath(), file);
  };
  const queue: string[] = [];
  for (const root of roots) {
    const text = files.texts.get(root);
    if (text === undefined || sourceFiles.has(root)) continue;
    add(root, text);
    queue.push(root);
  }
  let imported = 0;
  while (queue.length > 0 && imported < MAX_IMPORTED_FILES) {
    const importer = queue.shift()!;
    const text = sourceFiles.get(importer)!.getFullText();
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveRelative(importer, fileName, (candidate) => sourceFiles.has(candidate) || textOf(candidate) !== undefined);
      if (target === undefined || sourceFiles.has(target)) continue;
      add(target, textOf(target)!);
      if (++imported >= MAX_IMPORTED_FILES) break;
      queue.push(target);
    }
  }
  return { project, sourceFiles, fileOf: (sourceFile) => given.get(sourceFile.getFilePath()) ?? sourceFile.getFilePath() };
}

/** The TypeScript module a relative specifier names, among those `exists` knows. */
function resolveRelative(importer: string, specifier: string, exists: (file: string) => boolean): string | undefined {
  const base = path.resolve(path.dirname(importer), specifier);
  const extension = path.extname(base).toLowerCase();
  const candidates = TS_FILE.test(base)
    ? [base]
    : (SOURCE_FOR_OUTPUT[extension]?.map((source) => base.slice(0, -extension.length) + source) ??
      WITHOUT_EXTENSION.map((suffix) => base + suffix));
  return candidates.find(exists);
}

function safeRead(readFile: ProgramFiles['readFile'], file: string): string | undefined {
  if (!readFile) return undefined;
  try {
    return readFile(file);
  } catch {
    return undefined;
  }
}

/** ts-morph's in-memory file system speaks POSIX paths. */
function toProjectPath(file: string): string {
  return file.split(path.sep).join('/');
}
