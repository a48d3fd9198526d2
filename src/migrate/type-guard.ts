import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
 * A file whose project has no tsconfig.json is not checked. TypeScript comes from ts-morph, loaded
 * only when a changed TypeScript file has a project.
 */
export async function addedTypeErrors(changes: readonly ChangedTypeScript[]): Promise<Map<string, string[]>> {
  const byProject = new Map<string, ChangedTypeScript[]>();
  for (const change of changes) {
    if (!TYPESCRIPT.test(change.file) || change.file.endsWith('.d.ts')) continue;
    const config = tsconfigOf(change.file);
    if (config) byProject.set(config, [...(byProject.get(config) ?? []), change]);
  }
  const added = new Map<string, string[]>();
  if (byProject.size === 0) return added;
  const { ts } = await import('ts-morph');
  for (const [config, files] of byProject) {
    const read = ts.readConfigFile(config, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dirname(config));
    const options = { ...parsed.options, noEmit: true };
    const roots = files.map((change) => change.file);
    const programOf = (texts: ReadonlyMap<string, string>, old?: import('ts-morph').ts.Program) => {
      const host = ts.createCompilerHost(options, true);
      const readFile = host.readFile.bind(host);
      const getSourceFile = host.getSourceFile.bind(host);
      host.readFile = (path) => texts.get(path) ?? readFile(path);
      host.getSourceFile = (path, language, onError, create) =>
        texts.has(path) ? ts.createSourceFile(path, texts.get(path)!, language, true) : getSourceFile(path, language, onError, create);
      return ts.createProgram({ rootNames: roots, options, host, oldProgram: old });
    };
    const errorsIn = (program: import('ts-morph').ts.Program, file: string) => {
      const source = program.getSourceFile(file);
      if (!source) return [];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
        .filter((diagnostic) => !ENVIRONMENT.has(diagnostic.code))
        .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    };
    const before = programOf(new Map(files.map((change) => [change.file, change.before])));
    const after = programOf(new Map(files.map((change) => [change.file, change.after])), before);
    for (const change of files) {
      const left = new Map<string, number>();
      for (const error of errorsIn(before, change.file)) left.set(error, (left.get(error) ?? 0) + 1);
      const gained = errorsIn(after, change.file).filter((error) => {
        const count = left.get(error) ?? 0;
        if (count > 0) left.set(error, count - 1);
        return count === 0;
      });
      if (gained.length > 0) added.set(change.file, gained);
    }
  }
  return added;
}
