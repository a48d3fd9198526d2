import type { Rule } from 'eslint';
import { LEGACY_WEBHOOK_CONTENT_FIELDS, namedEventFor } from '../contract/index.js';
import { rangeOf, staticString, type Node } from '../detect/ast.js';
import { hasNewTwin, isAppRecordLabel, isLookupEntry } from '../detect/event-twin.js';
import type { ModuleIndex } from '../detect/module-index.js';
import type { RawFinding } from '../detect/raw-finding.js';

type Fixer = Rule.ReportFixer;

export interface FindingFixes {
  readonly fix?: Fixer;
  readonly suggest?: Rule.SuggestionReportDescriptor[];
}

/**
 * What the plugin offers for a finding: an autofix where the change is safe and local (an event
 * name, a field of a TikTok payload), a suggestion where a person should choose, nothing where only
 * the codemod can do it (its message says to run `npx migrate-share-video`).
 */
export function fixesFor(finding: RawFinding, index: ModuleIndex): FindingFixes {
  switch (finding.ruleId) {
    case 'no-legacy-webhook-event':
      return eventFixes(finding, index);
    case 'no-legacy-response-field':
      return fieldFixes(finding, index);
    default:
      return {};
  }
}

function eventFixes(finding: RawFinding, index: ModuleIndex): FindingFixes {
  const literal = finding.node!;
  // The header's name alone would not do: the check behind it must follow TikTok's scheme too.
  if (finding.messageId === 'signatureHeader' || finding.messageId === 'eventKey') return {};
  if (finding.messageId === 'neverSent') return neverSentFixes(finding, index);
  const replacement = finding.data.replacement;
  const rename: Fixer = (fixer) => fixer.replaceTextRange(rangeOf(literal), requote(index.source(literal), replacement));
  // An ambiguous owner, or a label of the app's own record: a person says whether it is TikTok's event.
  if (finding.messageId === 'ambiguous' || isAppRecordLabel(index, literal))
    return { suggest: [{ messageId: 'renameEvent', data: finding.data, fix: rename }] };
  if (isLookupEntry(index, literal) && !hasNewTwin(index, literal, replacement)) return { fix: addBeside(index, literal, replacement) };
  if (!hasNewTwin(index, literal, replacement)) return { fix: rename };
  const range = legacyLabelRange(index, literal, replacement) ?? (listItem(index, literal) && itemRange(index, listItem(index, literal)!));
  return range ? { suggest: [{ messageId: 'removeLegacy', data: finding.data, fix: (fixer) => fixer.removeRange(range) }] } : {};
}

/**
 * A name TikTok never sent: code under it starts to run once renamed, so the editor only suggests
 * it, and only where the name says its event (`video.publish.failed`) and nothing beside it handles
 * that event already (the codemod renames the same ones, see rename-never-sent-to-named-event.ts).
 */
function neverSentFixes(finding: RawFinding, index: ModuleIndex): FindingFixes {
  const literal = finding.node!;
  const event = namedEventFor(finding.data.legacy);
  if (!event || hasNewTwin(index, literal, event)) return {};
  const fix: Fixer = (fixer) => fixer.replaceTextRange(rangeOf(literal), requote(index.source(literal), event));
  return { suggest: [{ messageId: 'renameToNamedEvent', data: { legacy: finding.data.legacy, replacement: event }, fix }] };
}

/** A lookup table's entry gets the new key before it, with the same value, as the codemod does. */
function addBeside(index: ModuleIndex, literal: Node, replacement: string): Fixer {
  const property = index.parent(literal)!;
  const [start] = rangeOf(property);
  const lineStart = index.text.lastIndexOf('\n', start - 1) + 1;
  const before = index.text.slice(lineStart, start);
  const separator = /^\s*$/.test(before) ? `\n${before}` : ' ';
  const entry = `${requote(index.source(literal), replacement)}: ${index.source(property.value)},`;
  return (fixer) => fixer.insertTextBeforeRange([start, start], `${entry}${separator}`);
}

/**
 * `case 'post.…': case 'video.…': body`: the legacy label alone goes and the body stays with the new
 * label, which falls through to it (only empty labels between them).
 */
function legacyLabelRange(index: ModuleIndex, literal: Node, replacement: string): [number, number] | undefined {
  const label = index.parent(literal)!;
  if (label.type !== 'SwitchCase' || label.test !== literal || label.consequent.length === 0) return undefined;
  const cases: Node[] = index.parent(label)!.cases;
  let at = cases.indexOf(label) - 1;
  while (at >= 0 && cases[at].consequent.length === 0 && staticString(cases[at].test) !== replacement) at--;
  if (at < 0 || staticString(cases[at].test) !== replacement) return undefined;
  const colon = index.text.indexOf(':', rangeOf(literal)[1]);
  return itemRange(index, { ...label, range: [rangeOf(label)[0], colon + 1] });
}

function fieldFixes(finding: RawFinding, index: ModuleIndex): FindingFixes {
  const field = finding.data.legacy;
  if (field !== 'share_id') return {};
  const renamed = LEGACY_WEBHOOK_CONTENT_FIELDS.share_id;
  const key = finding.node!;
  const parent = index.parent(key)!;
  const fix: Fixer = (fixer) => {
    if ((parent.type === 'Property' || parent.type === 'ObjectProperty') && parent.shorthand)
      return fixer.insertTextBefore(key, `${renamed}: `);
    return fixer.replaceTextRange(rangeOf(key), key.type === 'Identifier' ? renamed : requote(index.source(key), renamed));
  };
  if (finding.messageId === 'responseField' || finding.messageId === 'ambiguousWebhookField')
    return { suggest: [{ messageId: 'renameField', data: finding.data, fix }] };
  return { fix };
}

/** The new text in the literal's own quotes: 'x', "x" or `x`. */
function requote(source: string, value: string): string {
  const quote = source[0];
  return `${quote}${value}${quote}`;
}

/** The `case`, property, entry or union member a legacy name is, when it can simply be deleted. */
function listItem(index: ModuleIndex, literal: Node): Node | undefined {
  const parent = index.parent(literal)!;
  if (parent.type === 'SwitchCase') return parent.consequent.length === 0 ? parent : undefined;
  if ((parent.type === 'Property' || parent.type === 'ObjectProperty') && parent.key === literal) return parent;
  if (parent.type === 'ArrayExpression') return literal;
  if (parent.type === 'TSLiteralType' && index.parent(parent)?.type === 'TSUnionType') return parent;
  return undefined;
}

/** An item's whole line when it stands alone on it; else the item and the separator after it. */
function itemRange(index: ModuleIndex, item: Node): [number, number] {
  const text = index.text;
  const [start, end] = rangeOf(item);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(lineStart, start) + text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (/^\s*\|?\s*,?\s*$/.test(rest)) return [lineStart, lineEnd === -1 ? text.length : lineEnd + 1];
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return [start, end + after[0].length];
  const before = /\s*\|\s*$/.exec(text.slice(0, start));
  return before ? [start - before[0].length, end] : [start, end];
}
