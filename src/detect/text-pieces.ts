import { rangeOf, staticString, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/** A piece of text the module writes: a string literal, or the fixed part of a template, with its text. */
export interface TextPiece {
  readonly node: Node;
  readonly text: string;
}

/** Every string literal and template part of the module, in either parser's tree. */
export function textPieces(index: ModuleIndex): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const node of [...index.ofType('StringLiteral'), ...index.ofType('Literal'), ...index.ofType('TemplateElement')]) {
    const text = node.type === 'TemplateElement' ? (node.value.cooked ?? node.value.raw) : staticString(node);
    if (typeof text === 'string') pieces.push({ node, text });
  }
  return pieces;
}

/**
 * The file offset where `pattern` first matches in a piece's source: parsers disagree on where a
 * template's part starts (with its backtick or without), so a finding is placed on the text itself.
 */
export function offsetInPiece(index: ModuleIndex, piece: Node, pattern: RegExp): number {
  return rangeOf(piece)[0] + index.source(piece).search(pattern);
}
