import type { CodemodContext } from './context.js';
import { findProperty, rangeOf, type Node } from '../detect/ast.js';

/**
 * How the file lays out the request a rewrite replaces. A request written over several lines gets its
 * new objects one entry a line (recast keeps a template object's layout and indents it where it goes);
 * one written on a single line stays on one. Its arguments keep their places (each on its own line,
 * say): the new ones are put in the legacy call one by one (`replaceV1Request`).
 */
export interface CallLayout {
  readonly broken: boolean;
  /** One level of the file's indentation. */
  readonly unit: string;
  /** Whether the last entry of a broken object ends with a comma, as the legacy request's did. */
  readonly trailingComma: boolean;
  /** Whether the legacy request's last argument, its options object, took several lines. */
  readonly optionsBroken: boolean;
  /** Whether the `headers` object of those options took several lines. */
  readonly headersBroken: boolean;
}

export function layoutOf(context: CodemodContext, call: Node): CallLayout {
  // The layout the user wrote, even when an earlier step edited inside the call (its URL, say).
  const text = context.index.source(call);
  const lines = text.split(/\r?\n/);
  const lineStart = context.text.lastIndexOf('\n', rangeOf(call)[0] - 1) + 1;
  const callIndent = /^[ \t]*/.exec(context.text.slice(lineStart))![0];
  const inner = lines.slice(1).find((line) => line.trim() !== '');
  const innerIndent = inner === undefined ? '' : /^[ \t]*/.exec(inner)![0];
  const unit = innerIndent.startsWith(callIndent) && innerIndent.length > callIndent.length ? innerIndent.slice(callIndent.length) : '  ';
  const last = ((call.original ?? call) as Node).arguments?.at(-1) as Node | undefined;
  const optionsBroken = last?.type === 'ObjectExpression' && spansLines(last);
  const headers = optionsBroken ? findProperty(last, 'headers')?.value : undefined;
  const headersBroken = headers?.type === 'ObjectExpression' && spansLines(headers);
  return { broken: lines.length > 1, unit, trailingComma: /,[ \t]*\r?\n[ \t]*[}\])]/.test(text), optionsBroken, headersBroken };
}

/** Whether a node was written over more than one line. */
export const spansLines = (node: Node) => !!node.loc && node.loc.start.line !== node.loc.end.line;

/** The width of line a new object may fill inside a broken request before it breaks too (Prettier's default). */
const LINE_WIDTH = 80;

/**
 * How the file breaks its objects elsewhere, for a request written on one line that has to break: its
 * smallest indentation step, and whether a broken list ends with a comma.
 */
export function fileHabits(context: CodemodContext): Pick<CallLayout, 'unit' | 'trailingComma'> {
  // Not a JSDoc line's ` * `, which is indented by one.
  const indents = context.text.match(/^[ \t]+(?=[^\s*])/gm) ?? [];
  const unit = indents.reduce<string | undefined>(
    (least, indent) => (least === undefined || indent.length < least.length ? indent : least),
    undefined,
  );
  return { unit: unit ?? '  ', trailingComma: /,[ \t]*\r?\n[ \t]*[}\])]/.test(context.text) };
}

/** Whether a call's new text, put where the call starts, runs past the line's width on its first line. */
export function runsPastWidth(context: CodemodContext, call: Node, text: string): boolean {
  const start = rangeOf(call)[0];
  const column = start - (context.text.lastIndexOf('\n', start - 1) + 1);
  return column + text.split('\n')[0].length > LINE_WIDTH;
}

/**
 * An object literal of the given entries, opening on a line indented `level` units after `lead`. In a
 * request written over several lines, the request's options (`spread`) take a line an entry when
 * there is more than one or the legacy options took several lines, or when the argument before them broke (the
 * line they would share with its end is long already); any object breaks when an entry does or when
 * its line would grow too long, or when the legacy request wrote it broken (`broken before`: its
 * `headers`). Otherwise the object stays on its line.
 */
export function objectText(
  layout: CallLayout,
  entries: readonly string[],
  level: number,
  lead: string,
  spread: 'no' | 'yes' | 'after a broken argument' | 'broken before' = 'no',
): string {
  if (entries.length === 0) return '{}';
  const inline = `{ ${entries.join(', ')} }`;
  const width = layout.unit.length * level + lead.length + inline.length;
  const breaks =
    layout.broken &&
    ((spread === 'yes' && (entries.length > 1 || layout.optionsBroken)) ||
      spread === 'after a broken argument' ||
      spread === 'broken before' ||
      entries.some((entry) => entry.includes('\n')) ||
      width > LINE_WIDTH);
  if (!breaks) return inline;
  const inside = layout.unit.repeat(level + 1);
  const body = entries.map((entry, index) => `${inside}${entry}${index < entries.length - 1 || layout.trailingComma ? ',' : ''}`);
  return `{\n${body.join('\n')}\n${layout.unit.repeat(level)}}`;
}
