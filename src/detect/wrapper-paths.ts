import { isFunction, unwrap, type Node } from './ast.js';
import { callsOf } from './taint.js';
import { classifyUrl, isEndpointFinding, type UrlMatch } from './classify-url.js';
import { foldedText, HOLE } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { TikTokRequest } from './requests.js';
import type { ValueFolder } from './static-value.js';

/** A call of a module's own wrapper that hands it a legacy path, with what that path makes. */
export interface WrapperCall {
  /** The path argument at the call. */
  readonly node: Node;
  readonly match: UrlMatch;
}

/**
 * `async function tiktokPost(path, params) { return axios.post(\`${BASE}${path}\`, …) }` called with
 * `tiktokPost('/oauth/access_token/', …)`: the request inside sends to the legacy host with a path
 * it cannot read, and each call that passes a path it can read names the endpoint. The wrapper is a
 * function or method of this module; the path one of its parameters, put whole into the URL.
 */
export function wrapperCalls(index: ModuleIndex, folder: ValueFolder, requests: readonly TikTokRequest[]): WrapperCall[] {
  const found: WrapperCall[] = [];
  for (const request of requests) {
    if (request.match.kind !== 'legacy-dynamic') continue;
    const pieces = request.url.pieces;
    const at = pieces.findIndex((piece) => piece.text === undefined && parameterOf(index, piece.node) !== undefined);
    if (at === -1) continue;
    const { fn, position } = parameterOf(index, pieces[at].node)!;
    const text = (from: number, to: number) =>
      pieces
        .slice(from, to)
        .map((piece) => piece.text ?? HOLE)
        .join('');
    for (const call of callsOf(index, fn)) {
      const argument = call.arguments[position];
      if (!argument || argument.type === 'SpreadElement') continue;
      const path = foldedText(folder.fold(argument));
      if (path.includes(HOLE)) continue;
      const match = classifyUrl(text(0, at) + path + text(at + 1, pieces.length));
      if (match && isEndpointFinding(match.kind)) found.push({ node: argument, match });
    }
  }
  return found;
}

/** The function a parameter belongs to, and its place among the parameters (`path` of `(path, params) =>`). */
function parameterOf(index: ModuleIndex, node: Node): { fn: Node; position: number } | undefined {
  const value = unwrap(node);
  if (value.type !== 'Identifier') return undefined;
  const binding = index.resolve(value);
  if (binding?.kind !== 'param' || !binding.declaration || !isFunction(binding.declaration)) return undefined;
  const fn = binding.declaration;
  const position = (fn.params as Node[]).findIndex(
    (param) => param === binding.id || (param.type === 'AssignmentPattern' && param.left === binding.id),
  );
  return position === -1 ? undefined : { fn, position };
}
