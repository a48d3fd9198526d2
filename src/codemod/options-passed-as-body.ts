import { calleeName, isCall, keyName, objectProperties, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { clientOf } from './http-client.js';

/** axios's methods that take the body second and the options third. */
const BODY_FIRST = new Set(['post', 'put', 'patch']);
/** Keys of an axios request config: an object of these alone, in the body's place, was meant as options. */
const AXIOS_CONFIG_KEYS = new Set([
  'headers',
  'data',
  'params',
  'timeout',
  'responseType',
  'maxBodyLength',
  'maxContentLength',
  'onUploadProgress',
  'validateStatus',
  'withCredentials',
  'auth',
]);

/**
 * `axios.post(url, { headers: { Authorization }, data: { title } })`: the request's options written
 * where axios takes its body, so the whole object was sent as JSON and its headers never left. The
 * keys of that object when so; undefined otherwise (a third argument, a key no config has).
 */
export function optionsPassedAsBody(request: TikTokRequest, context: CodemodContext): string[] | undefined {
  const args = request.call.arguments as Node[];
  if (args.length !== 2 || args[0] !== request.urlArgument || !BODY_FIRST.has(calleeName(request.call) ?? '')) return undefined;
  if (clientOf(request, context)?.kind !== 'axios') return undefined;
  const object = unwrap(args[1]);
  if (object.type !== 'ObjectExpression') return undefined;
  const keys = objectProperties(object).map((property) => keyName(property));
  if (!keys.includes('headers') || keys.some((key) => key === undefined || !AXIOS_CONFIG_KEYS.has(key))) return undefined;
  return keys as string[];
}

/** Calls whose value is a file's bytes. */
const READS_BYTES = new Set(['readFileSync', 'readFile']);

/**
 * `const videoData = fs.readFileSync(videoPath)` in the request's own function, and the name never
 * read after: the video the author meant to send and never did. Its name, or undefined.
 */
export function bytesReadAndNeverSent(request: TikTokRequest, context: CodemodContext): string | undefined {
  const own = context.index.functionOf(request.call);
  if (!own) return undefined;
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'Identifier' || !declarator.init || context.index.functionOf(declarator) !== own) continue;
    let value = unwrap(declarator.init);
    if (value.type === 'AwaitExpression') value = unwrap(value.argument);
    if (!isCall(value) || !READS_BYTES.has(calleeName(value) ?? '')) continue;
    const binding = context.index.resolve(declarator.id);
    if (binding && binding.assignments.length === 0 && context.index.referencesOf(binding).length === 0) return declarator.id.name;
  }
  return undefined;
}
