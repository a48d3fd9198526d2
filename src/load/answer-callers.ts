import path from 'node:path';
import type { Node } from '../detect/ast.js';
import { handsOnAnswer, importedAnswerCalls } from '../detect/imported-answers.js';
import { ModuleIndex } from '../detect/module-index.js';
import { ValueFolder } from '../detect/static-value.js';
import { createImportResolver, type ExportsByFile } from './project-exports.js';

/**
 * The modules (absolute) whose exported functions hand on a TikTok answer and are called by another
 * module of the run: there the callers' reads follow the answer, so what those functions return is
 * not left to readers out of sight. Only modules that name such an export (or its module's file) are
 * looked into.
 */
export function answerCallerModules(
  modules: readonly { readonly file: string; readonly text: string; readonly ast: Node }[],
  exportsByFile: ExportsByFile,
  known: ReadonlySet<string>,
): Set<string> {
  const names = new Set<string>();
  for (const [file, exports] of exportsByFile)
    for (const [name, value] of exports)
      if (handsOnAnswer(value)) names.add(name === 'default' ? path.basename(file).replace(/\.[^.]+$/, '') : name);
  const called = new Set<string>();
  if (names.size === 0) return called;
  for (const module of modules) {
    if (![...names].some((name) => module.text.includes(name))) continue;
    const index = ModuleIndex.of(module.ast, module.text);
    const folder = new ValueFolder(index, createImportResolver(module.file, exportsByFile, known));
    for (const { module: from } of importedAnswerCalls(index, folder)) if (from && from !== module.file) called.add(from);
  }
  return called;
}
