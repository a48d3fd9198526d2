import { objectProperties, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import { offsetInPiece, textPieces } from './text-pieces.js';
import { formFieldCalls, requestBodies, type TikTokRequest } from './requests.js';

/** One part header of a multipart body written out in a string: `Content-Disposition: form-data; name="video"; filename="a.mp4"`. */
const PART_HEADER = /content-disposition:\s*form-data;\s*name=\\?"([^"\\]+)\\?"([^\r\n]*)/i;

export interface HandBuiltPart {
  /** The string (or the template's part) that writes the header. */
  readonly node: Node;
  /** The header itself: parsers disagree on where a template's part starts (with its backtick or without). */
  readonly range: readonly [number, number];
  readonly name: string;
  /** A file part (`filename=` in its header): the one that carries the video. */
  readonly file: boolean;
}

/** Found once per module: the detectors and the upload rewrite both ask. */
const partsOf = new WeakMap<ModuleIndex, HandBuiltPart[]>();

/** The part headers this module writes out by hand, in the order they are written. */
function handBuiltParts(index: ModuleIndex): HandBuiltPart[] {
  const known = partsOf.get(index);
  if (known) return known;
  const parts: HandBuiltPart[] = [];
  for (const { node: piece, text } of textPieces(index)) {
    const header = PART_HEADER.exec(text);
    if (!header) continue;
    const at = offsetInPiece(index, piece, /content-disposition/i);
    parts.push({ node: piece, range: [at, at + 'content-disposition'.length], name: header[1], file: /filename=/i.test(header[2]) });
  }
  parts.sort((a, b) => a.range[0] - b.range[0]);
  partsOf.set(index, parts);
  return parts;
}

/**
 * The parts of a multipart body a legacy upload sends built by hand (part headers joined around the
 * file's bytes in a Buffer or a string), or undefined when it sends a form or an object the codemod reads.
 * Such a body cannot be taken apart safely: its video and its token are pieces of one byte string.
 */
export function handBuiltMultipart(request: TikTokRequest, index: ModuleIndex): HandBuiltPart[] | undefined {
  if (request.match.kind !== 'legacy-upload') return undefined;
  // Every argument but the URL counts as a body (axios' `data`), the options object aside.
  const bodies = requestBodies(request, index)
    .map((body) => unwrap(body))
    .filter((body) => !request.options.includes(body));
  const readable = bodies.some(
    (body) => (body.type === 'ObjectExpression' && objectProperties(body).length > 0) || formFieldCalls(body, index).length > 0,
  );
  if (readable) return undefined;
  const parts = handBuiltParts(index);
  return parts.length > 0 ? parts : undefined;
}
