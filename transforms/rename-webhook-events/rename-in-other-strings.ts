import type { CodemodContext } from '../../src/codemod/context.js';
import { isMember, isStringLiteral, unwrap } from '../../src/detect/ast.js';
import { stringLike } from '../../src/codemod/replace-literal.js';
import { eventWords } from '../../src/contract/index.js';

/** A test module by what it does, wherever it lives: it declares cases and checks what comes out. */
function isTestModule(context: CodemodContext): boolean {
  const called = new Set(
    context.index
      .ofType('CallExpression')
      .map((call) => unwrap(call.callee))
      .map((callee) => (callee.type === 'Identifier' ? callee.name : isMember(callee) ? unwrap(callee.object).name : undefined)),
  );
  return (called.has('describe') || called.has('it') || called.has('test')) && (called.has('expect') || called.has('assert'));
}

/**
 * A renamed event still spelled inside another string of the module (`'tiktok:video.publish.complete:evt_1'`,
 * an id or key built from the event's name): in a test, the value it expects from the event it now
 * hands over, renamed with it; in a sentence, renamed as the handling it describes was; elsewhere a
 * stored key or label that may have to stay, so a person decides. Log messages are renamed already
 * (rename-in-log-messages.ts).
 */
export function renameInOtherStrings(context: CodemodContext, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const pattern = eventWords(renamed.keys());
  const present = context.nodesInTree();
  const inTest = isTestModule(context);
  for (const piece of [...context.index.ofType('StringLiteral'), ...context.index.ofType('Literal')]) {
    if (!present.has(piece) || !isStringLiteral(piece) || renamed.has(piece.value)) continue;
    const value = piece.value.replace(pattern, (name: string) => renamed.get(name) ?? name);
    if (value === piece.value) continue;
    // The text is about the event: the id it names is the one that event carries now.
    if (inTest || isProse(piece.value, renamed))
      context.pathOf(piece).replace(stringLike(context, piece, value.replace(/\bshare_id\b/g, 'publish_id')));
    else {
      const [legacy] = piece.value.match(pattern)!;
      // The check reports such a text: its finding carries the TODO, one per site.
      const finding = context.unhandled((f) => f.messageId === 'inText' && f.node === piece)[0];
      if (finding) context.defer(finding, otherStringTodo(legacy, renamed.get(legacy)!));
      else context.todoAt(piece, otherStringTodo(legacy, renamed.get(legacy)!), piece);
    }
  }
}

/**
 * A sentence that names the event among other words (`'TikTok calls us with video.upload.failed when …'`,
 * a feature table's description): it tells a reader which event the code handles, which is the new one
 * now. Not a text that names the new event already (it may contrast the two), nor one without spaces
 * (a key or an id).
 */
function isProse(text: string, renamed: ReadonlyMap<string, string>): boolean {
  return /\S\s+\S/.test(text) && ![...renamed.values()].some((name) => text.includes(name));
}

const otherStringTodo = (legacy: string, replacement: string) =>
  `this text spells the event '${legacy}' inside it, and this module now handles '${replacement}': where the text stands for the event (an id or key built from its name), write '${replacement}'; keep it where it names records stored before`;
