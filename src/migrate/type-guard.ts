import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A TypeScript file the codemod changed: its text as read and as it would be written. */
export interface ChangedTypeScript {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/i;

/**
 * Errors about names and modules that cannot be found (TS2304, TS2307, TS2580–TS2584, TS2591,
 * TS2792, TS7016) say more about what is installed than about the rewrite: a tree checked out
 * without its node_modules has them everywhere, and a helper that uses \`fetch\`, \`Blob\` or
 * \`node:fs\` would seem to add one. They are left to the project's own compiler.
 */
const ENVIRONMENT = new Set([2304, 2307, 2580, 2581, 2582, 2583, 2584, 2591, 2792, 7016]);

/** The nearest tsconfig.json above a file, or undefined: without one there is no project to check in. */
function tsconfigOf(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The TypeScript errors each changed file would gain, checked with its project's own compiler
 * options (its nearest tsconfig.json): the changed files are compiled as they were and as they would
 * be, imports resolved as the project resolves them, and their errors compared without positions.
 * A file whose project has no tsconfig.json is not checked. `settled`: the project pass's texts of
 * other files, which the changed ones are compiled with. TypeScript comes from ts-morph, loaded only
 * when a changed TypeScript file has a project.
 */
export async function addedTypeErrors(
  changes: readonly ChangedTypeScript[],
  settled: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string[]>> {
  const byProject = new Map<string, ChangedTypeScript[]>();
  for (const change of changes) {
    if (!TYPESCRIPT.test(change.file) || change.file.endsWith('.d.ts')) continue;
    const config = tsconfigOf(change.file);
    if (config) byProject.set(config, [...(byProject.get(config) ?? []), change]);
  }
  const added = new Map<string, string[]>();
  if (byProject.size === 0) return added;
  const { Project, ts } = await import('ts-morph');
  for (const [config, files] of byProject) {
    // ts-morph's project: the tsconfig's options, and the standard library from ts-morph itself (the
    // bundled compiler has no lib folder on disk); every other file is read from disk.
    const project = new Project({ tsConfigFilePath: config, skipAddingFilesFromTsConfig: true, compilerOptions: { noEmit: true } });
    const changed = files.map((change) => change.file);
    // A file that imports a changed one can gain an error too (a type the rewrite changed): checked
    // with them, and its new errors count against the changed files it imports.
    const importers = importersOf(ts, project.getCompilerOptions(), configFiles(ts, config), changed);
    for (const file of [...changed, ...importers.keys()]) project.addSourceFileAtPath(file);
    project.resolveSourceFileDependencies();
    const errorsIn = (program: import('ts-morph').ts.Program, file: string) => {
      const source = program.getSourceFile(file);
      if (!source) return [];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
        .filter((diagnostic) => !ENVIRONMENT.has(diagnostic.code))
        .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    };
    const before = project.getProgram().compilerObject;
    for (const change of files) project.getSourceFileOrThrow(change.file).replaceWithText(change.after);
    // Texts the project pass settled (a type it made flat in another module) are what the changed files compile against.
    for (const [file, text] of settled) project.getSourceFile(file)?.replaceWithText(text);
    const after = project.getProgram().compilerObject;
    for (const change of files) {
      const gained = gainedErrors(errorsIn(before, change.file), errorsIn(after, change.file));
      if (gained.length > 0) added.set(change.file, gained);
    }
    for (const [importer, imported] of importers) {
      const gained = gainedErrors(errorsIn(before, importer), errorsIn(after, importer)).map((error) => `${basename(importer)}: ${error}`);
      if (gained.length === 0) continue;
      for (const file of imported) added.set(file, [...(added.get(file) ?? []), ...gained]);
    }
  }
  return added;
}

/** What `after` has more of than `before`, as a multiset: errors compared without positions. */
function gainedErrors(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const error of before) left.set(error, (left.get(error) ?? 0) + 1);
  return after.filter((error) => {
    const count = left.get(error) ?? 0;
    if (count > 0) left.set(error, count - 1);
    return count === 0;
  });
}

type TypeScript = typeof import('ts-morph').ts;

/** The files a tsconfig.json takes in (its `include`, `files` and `exclude`). */
function configFiles(ts: TypeScript, config: string): string[] {
  const read = ts.readConfigFile(config, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dirname(config)).fileNames;
}

/** The project's files that import one of `changed`, each with the changed files it imports. */
function importersOf(
  ts: TypeScript,
  options: import('ts-morph').ts.CompilerOptions,
  projectFiles: readonly string[],
  changed: readonly string[],
): Map<string, string[]> {
  const targets = new Set(changed.map((file) => ts.sys.resolvePath(file)));
  const stems = [...new Set(changed.map((file) => basename(file).replace(/\.[^.]+$/, '')))];
  const importers = new Map<string, string[]>();
  for (const file of projectFiles) {
    if (targets.has(ts.sys.resolvePath(file)) || file.endsWith('.d.ts')) continue;
    const text = ts.sys.readFile(file);
    // Most files name none of the changed modules: not worth a parse.
    if (text === undefined || !stems.some((stem) => text.includes(stem))) continue;
    const imported = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((reference) => ts.resolveModuleName(reference.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((resolved): resolved is string => resolved !== undefined && targets.has(ts.sys.resolvePath(resolved)));
    if (imported.length > 0) importers.set(file, [...new Set(imported)]);
  }
  return importers;
}
