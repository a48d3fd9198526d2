import { importSpecifiers } from './prefilter-chunk.js';
import { resolveModule } from './resolve-module.js';

/**
 * The modules (absolute) another module of the run imports, re-exports or requires. The load brings
 * in every module that names an export holding a legacy value, so a module no other one imports has
 * its exports read out of this run's sight only (another package, a folder not scanned): a URL it
 * exports is not repointed behind the backs of senders the codemod cannot rewrite.
 */
export function modulesImportedInRun(
  modules: readonly { readonly file: string; readonly text: string }[],
  known: ReadonlySet<string>,
): Set<string> {
  const imported = new Set<string>();
  for (const module of modules)
    for (const specifier of importSpecifiers(module.text)) {
      const target = resolveModule(module.file, specifier, known);
      if (target !== undefined && target !== module.file) imported.add(target);
    }
  return imported;
}
