import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createPathsMatcher, getTsconfig, type PathsMatcher } from 'get-tsconfig';
import { resolveImports } from 'resolve-pkg-maps';

/**
 * A config file's setting as read, with the file's modification time: a long-running ESLint server
 * (an editor) re-reads a `tsconfig.json` or `package.json` that changed since.
 */
interface Cached<T> {
  readonly file: string | undefined;
  readonly mtimeMs: number;
  readonly value: T;
}

const modifiedAt = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;

function fresh<T>(cache: Map<string, Cached<T>>, folder: string, read: () => Cached<T>): T {
  const cached = cache.get(folder);
  if (cached && (cached.file === undefined || modifiedAt(cached.file) === cached.mtimeMs)) return cached.value;
  const entry = read();
  cache.set(folder, entry);
  return entry.value;
}

const pathsMatchers = new Map<string, Cached<PathsMatcher | null>>();

/**
 * `compilerOptions.paths` and `baseUrl` of the nearest `tsconfig.json` (or, in a JavaScript project,
 * `jsconfig.json`), `extends` followed: get-tsconfig reads them as TypeScript does.
 */
function pathsMatcherFor(folder: string): PathsMatcher | null {
  return fresh(pathsMatchers, folder, () => {
    const found = getTsconfig(folder) ?? getTsconfig(folder, 'jsconfig.json');
    if (!found) return { file: undefined, mtimeMs: -1, value: null };
    return { file: found.path, mtimeMs: modifiedAt(found.path), value: createPathsMatcher(found) };
  });
}

interface PackageImports {
  readonly folder: string;
  readonly imports: Parameters<typeof resolveImports>[0];
}

const packageImports = new Map<string, Cached<PackageImports | undefined>>();

/** The `imports` map of the nearest `package.json` (Node's subpath imports, `#config`). */
function packageImportsFor(folder: string): PackageImports | undefined {
  return fresh(packageImports, folder, () => {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      const mtimeMs = modifiedAt(file);
      if (mtimeMs >= 0) {
        let imports: PackageImports['imports'] | undefined;
        try {
          imports = (JSON.parse(readFileSync(file, 'utf8')) as { imports?: PackageImports['imports'] }).imports;
        } catch {
          // An unreadable package.json maps nothing; the run reports nothing about it, ESLint or Node will.
        }
        return { file, mtimeMs, value: imports && typeof imports === 'object' ? { folder: dir, imports } : undefined };
      }
      if (path.dirname(dir) === dir) return { file: undefined, mtimeMs: -1, value: undefined };
    }
  });
}

/** Conditions a server-side module is resolved under; `types` last, for a map that names only declarations. */
const CONDITIONS = ['node', 'import', 'require', 'default', 'types'];

/**
 * Where a bare specifier may point inside the project, as absolute paths without the extension
 * decided: `#config` through `package.json` `imports`, `@/config` through `tsconfig.json` `paths`.
 * A package name that no alias maps gives nothing.
 */
export function aliasTargets(importer: string, specifier: string): string[] {
  const folder = path.dirname(importer);
  if (specifier.startsWith('#')) {
    const found = packageImportsFor(folder);
    if (!found) return [];
    try {
      return resolveImports(found.imports, specifier, CONDITIONS)
        .filter((target) => target.startsWith('./'))
        .map((target) => path.resolve(found.folder, target));
    } catch {
      // A specifier the map does not name (resolve-pkg-maps throws): not an alias of this package.
      return [];
    }
  }
  return pathsMatcherFor(folder)?.(specifier) ?? [];
}
