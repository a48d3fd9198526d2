import { contains, keyName, type Node } from '../detect/ast.js';
import { isExported } from '../detect/endpoints.js';
import type { CodemodContext } from './context.js';
import { TODO_MARKER } from './todo.js';
import { readsOf, recordEntry } from './v1-url-left-behind.js';

/**
 * `PLATFORM_CONFIGS.tiktok`, whose `postEndpoint` the rewritten upload joined to its `baseUrl`: once
 * that upload writes the Content Posting URL out, when nothing else in the module reads the entry
 * (every other read takes another network's) and the record is not exported, the whole entry is
 * dead, the retired host's URLs in it included. Its `tiktok: {…}` property, with the record's name;
 * undefined while anything may still read it.
 */
export function deadRecordEntry(context: CodemodContext, value: Node): { entry: Node; key: string; record: string } | undefined {
  if (isExported(value, context.index)) return undefined;
  const found = recordEntry(value, context);
  if (!found || found.path.length < 2 || found.reads.length === 0) return undefined;
  const entryPath = found.path.slice(0, -1);
  const present = context.nodesInTree();
  const still = found.reads
    .filter((read) => present.has(read))
    .flatMap((read) => readsOf(read, entryPath, 0, context))
    .filter((read) => present.has(read));
  if (still.length > 0) return undefined;
  // Up from the value to the entry's own property: one property per key below the entry.
  let node: Node | undefined = value;
  for (let depth = 0; depth < found.path.length - entryPath.length; depth++) node = context.index.parent(context.index.parent(node!)!);
  const entry = node && context.index.parent(node);
  if (!entry || (entry.type !== 'ObjectProperty' && entry.type !== 'Property') || keyName(entry) !== entryPath.at(-1)) return undefined;
  return { entry, key: entryPath.join('.'), record: context.index.source(found.reads[0]) };
}

/** The TODO {@link deadRecordEntry}'s entry gets, which a second run recognises it by. */
export function deadEntryTodo(key: string, record: string): string {
  return `the \`${key}\` entry of \`${record}\` is read by nothing now (the upload that joined its URLs writes the Content Posting one out, and every other read takes another entry): delete the entry whole, the retired host's URLs in it with it`;
}

const DEAD_ENTRY_TODO = /entry of `[^`]+` is read by nothing now/;

/**
 * A second run: the findings inside an entry an earlier run left for deletion (its TODO above it)
 * belong to that TODO, not to a rewrite of their own (the entry's URLs would otherwise be repointed).
 */
export function settleFindingsInEntriesLeftForDeletion(context: CodemodContext): void {
  if (!context.text.includes('is read by nothing now')) return;
  const entries = [...context.index.ofType('ObjectProperty'), ...context.index.ofType('Property')].filter((property) =>
    [...(property.comments ?? []), ...(property.leadingComments ?? [])].some(
      (comment: Node) => comment.value.includes(TODO_MARKER) && DEAD_ENTRY_TODO.test(comment.value),
    ),
  );
  for (const finding of context.unhandled((each) => !!each.node)) {
    const entry = entries.find((each) => contains(each, finding.node!));
    if (entry) context.record(finding, 'todo', `in the \`${keyName(entry)}\` entry read by nothing now: see its TODO`);
  }
}
