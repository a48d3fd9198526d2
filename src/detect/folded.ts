import type { Node } from './ast.js';

/** A string value folded from code: known text and holes, each piece tied to the node it comes from. */

/** Stands for a part of a string that cannot be known before run time. */
export const HOLE = '\u0000';

export interface Piece {
  /** Known text, or undefined for a hole. */
  readonly text?: string;
  /** The literal (or template quasi) the text comes from, or the expression of the hole. */
  readonly node: Node;
  /** For a hole built from an object of query parameters (`new URLSearchParams({...})`). */
  readonly query?: Node;
}

export interface Folded {
  readonly pieces: readonly Piece[];
  /** Some reference on the way (a constant, a field, an import) already held a URL with a path. */
  readonly viaUrlRef: boolean;
}

export function foldedText(folded: Folded): string {
  return folded.pieces.map((piece) => piece.text ?? HOLE).join('');
}

export function concat(left: Folded, right: Folded): Folded {
  return { pieces: [...left.pieces, ...right.pieces], viaUrlRef: left.viaUrlRef || (right.viaUrlRef && !startsUrl(left)) };
}

/**
 * Whether a URL is already begun (`https://…`): a URL held by a reference after that point is a
 * parameter's value (`&redirect_uri=${CALLBACK_URL}`), not where this URL came from.
 */
export function startsUrl(folded: Folded): boolean {
  return foldedText(folded).includes('//');
}

/** `new URL(path, base)` and axios `baseURL` + `url`: an absolute path replaces the base's path. */
export function joinUrl(base: Folded, path: Folded): Folded {
  const pathText = foldedText(path);
  if (/^[a-z]+:\/\//i.test(pathText)) return path;
  const baseText = foldedText(base);
  const origin = /^([a-z]+:\/\/[^/]+)/i.exec(baseText);
  if (pathText.startsWith('/') && origin && !baseText.slice(origin[1].length).includes(HOLE)) {
    // Keep only the origin of the base; its pieces are cut at the origin's length.
    return concat(cut(base, origin[1].length), path);
  }
  const needsSlash = !baseText.endsWith('/') && !pathText.startsWith('/') && pathText !== '';
  const slash: Folded = { pieces: needsSlash ? [{ text: '/', node: path.pieces[0]?.node ?? base.pieces[0].node }] : [], viaUrlRef: false };
  const trimmed = baseText.endsWith('/') && pathText.startsWith('/') ? cut(base, baseText.length - 1) : base;
  return concat(concat(trimmed, slash), path);
}

function cut(folded: Folded, length: number): Folded {
  const pieces: Piece[] = [];
  let remaining = length;
  for (const piece of folded.pieces) {
    if (remaining <= 0) break;
    if (piece.text === undefined) {
      pieces.push(piece);
      remaining -= 1;
    } else {
      pieces.push({ ...piece, text: piece.text.slice(0, remaining) });
      remaining -= piece.text.length;
    }
  }
  return { pieces, viaUrlRef: folded.viaUrlRef };
}
