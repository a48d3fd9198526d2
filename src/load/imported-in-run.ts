import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importSpecifiers } from './prefilter-chunk.js';
import { prefilterFiles } from './prefilter-files.js';
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

/**
 * `--shard`: which of `candidates` (modules of this shard that export a legacy value and that no
 * module of the shard imports) a module of another shard imports. A shard reads only its own files,
 * so the other shards' files that name a candidate's file are read here (rarely any: few modules
 * export a legacy value), for the merged report to say what one run over the whole tree says.
 */
export async function importedByForeignFiles(candidates: readonly string[], foreign: readonly string[]): Promise<Set<string>> {
  if (candidates.length === 0 || foreign.length === 0) return new Set();
  const stems = [...new Set(candidates.map((file) => path.basename(file).replace(/\.[^.]+$/, '')))];
  const { matched } = await prefilterFiles(foreign, stems);
  const modules: { file: string; text: string }[] = [];
  for (const file of matched) {
    try {
      modules.push({ file, text: await readFile(file, 'utf8') });
    } catch {
      // Unreadable here: its own shard reports it.
    }
  }
  return modulesImportedInRun(modules, new Set(candidates));
}
