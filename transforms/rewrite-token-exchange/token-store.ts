import type { CodemodContext } from '../../src/codemod/context.js';
import { calleeName, descendants, isMember, memberName, rangeOf, unwrap, type Node } from '../../src/detect/ast.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import type { TikTokRequest } from '../../src/detect/requests.js';

/** Calls that keep a value somewhere: a database row, a cache, a cookie, the browser's storage, a file. */
// Mongoose's `findOneAndUpdate`, `findByIdAndUpdate` and `findOneAndReplace` write a document too.
const STORE_CALL =
  /^(save|store|persist|upsert|insert|update|create|set|setItem|put|write|hset|hmset|cookie|query|execute|run|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne)/i;
const TOKENS = new Set(['access_token', 'refresh_token']);

export const TOKEN_STORE_TODO =
  'tokens stored here before the migration are v1 tokens, which TikTok does not promise the v2 API takes (at worst it answers access_token_invalid) or the v2 token endpoint refreshes: clear them or mark them expired, so that each user authorizes again on the v2 page';

/**
 * The first call in the module that keeps a token of this request's answer (`db.query(…, [body.access_token])`,
 * `redis.set(key, refresh_token)`, `localStorage.setItem('token', data.access_token)`): where the app's
 * store of v1 tokens is written. Planned on the tree as read, before the request is rewritten.
 */
export function tokenStoreCall(context: CodemodContext, request: TikTokRequest): Node | undefined {
  const taint = responseTaint(context.index, [request]);
  const isTokenRead = (node: Node, depth = 0): boolean => {
    const value = unwrap(node);
    if (isMember(value)) return TOKENS.has(memberName(value) ?? '') && taint.has(value.object);
    if (value.type !== 'Identifier' || depth > 4) return false;
    const binding = context.index.resolve(value);
    if (!binding?.init) return false;
    // `const { access_token } = body`, or `const token = body.access_token`.
    return binding.path.length > 0 ? TOKENS.has(binding.path.at(-1)!) && taint.has(binding.init) : isTokenRead(binding.init, depth + 1);
  };
  const own = new Set<Node>([request.call, ...request.chain]);
  const calls = [...context.index.ofType('CallExpression'), ...context.index.ofType('OptionalCallExpression')]
    .filter((call) => !own.has(call) && STORE_CALL.test(calleeName(call) ?? ''))
    .filter((call) => !inMemory(context, call))
    .sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0]);
  const holdsToken = (nodes: readonly Node[]) => nodes.some((argument) => [...descendants(argument)].some((node) => isTokenRead(node)));
  return calls.find((call) => holdsToken(call.arguments) || holdsToken(madeWith(context, call)));
}

/**
 * `const row = new TikTokUser({ accessToken: access_token }); await row.save()`: a document made with
 * the tokens, then saved; what the model was made with is what the call keeps.
 */
function madeWith(context: CodemodContext, call: Node): Node[] {
  const callee = unwrap(call.callee);
  const holder = isMember(callee) ? unwrap(callee.object) : undefined;
  const binding = holder?.type === 'Identifier' ? context.index.resolve(holder) : undefined;
  const init = binding?.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
  return call.arguments.length === 0 && init?.type === 'NewExpression' ? init.arguments : [];
}

/**
 * `tokenStore.set(…)` of a module's own `const tokenStore = new Map()` (not exported): the process's
 * memory, which a deployment of the migrated code starts empty, so no v1 token outlives the migration there.
 */
function inMemory(context: CodemodContext, call: Node): boolean {
  const callee = unwrap(call.callee);
  if (!isMember(callee)) return false;
  const holder = unwrap(callee.object);
  const binding = holder.type === 'Identifier' ? context.index.resolve(holder) : undefined;
  const init = binding?.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
  if (!init || init.type !== 'NewExpression' || init.callee.type !== 'Identifier' || !MEMORY.has(init.callee.name)) return false;
  // Exported, it may be kept between restarts by another layer.
  let declaration = context.index.parent(binding!.id);
  while (declaration && declaration.type !== 'VariableDeclaration') declaration = context.index.parent(declaration);
  const exported = declaration && context.index.parent(declaration)?.type === 'ExportNamedDeclaration';
  return !exported && !new RegExp(`exports\\b[^;]*\\b${holder.name as string}\\b`).test(context.text);
}

const MEMORY = new Set(['Map', 'Set', 'WeakMap']);
