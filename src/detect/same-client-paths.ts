import { KNOWN_LEGACY_PATHS } from '../contract/index.js';
import { findProperty, isCall, isMember, unwrap, type Node } from './ast.js';
import type { Binding, ModuleIndex } from './module-index.js';
import { pathAfterBase, relativeFinding } from './platform-record-paths.js';
import type { RawFinding } from './raw-finding.js';
import type { ValueFolder } from './static-value.js';

/**
 * `tiktokClient.post('/share/video/upload/')` with the client's base set in another module: the
 * upload's path says the base is TikTok's retired host, so the client's other calls to paths only
 * that host serves (`tiktokClient.get('/user/info/')`, `.post('/oauth/refresh_token/')`) are on it
 * too. Each is reported where its path is written. `uploadPaths` are the upload paths found with no
 * host in sight; `skip`, what other findings cover.
 */
export function findSameClientPaths(
  index: ModuleIndex,
  folder: ValueFolder,
  uploadPaths: readonly Node[],
  skip: ReadonlySet<Node>,
): RawFinding[] {
  const clients = new Set(uploadPaths.map((path) => clientOf(path, index)).filter((client): client is Binding => client !== undefined));
  const findings = findSameBasePaths(index, folder, uploadPaths, skip);
  if (clients.size === 0) return findings;
  for (const call of index.ofType('CallExpression')) {
    const path = pathArgument(call);
    if (!path || skip.has(path) || uploadPaths.includes(path) || !clients.has(clientOf(path, index)!)) continue;
    const text = pathAfterBase(path, folder);
    // got's `prefixUrl` takes its paths without the leading slash.
    const relative = text.startsWith('/') ? text : `/${text}`;
    if (text.includes('//') || !KNOWN_LEGACY_PATHS.has(relative.replace(/\/+$/, '').toLowerCase())) continue;
    const finding = relativeFinding(relative, path, ', sent by the client that also posts to /share/video/upload/,');
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The path a call sends to: its first argument (`client.get(path)`), or that object's `url` (`client.request({ url })`). */
function pathArgument(call: Node): Node | undefined {
  const first = call.arguments[0] as Node | undefined;
  if (first?.type !== 'ObjectExpression') return first;
  return findProperty(first, 'url')?.value;
}

/** The variable a path is sent through by its method (`client.get(path)`, `client.request({ url: path })`). */
function clientOf(path: Node, index: ModuleIndex): Binding | undefined {
  const holder = index.parent(path);
  const call = holder && (holder.type === 'ObjectProperty' || holder.type === 'Property') ? index.parent(index.parent(holder)!) : holder;
  if (!call || !isCall(call) || pathArgument(call) !== path) return undefined;
  const callee = unwrap(call.callee);
  const receiver = isMember(callee) ? unwrap(callee.object) : undefined;
  return receiver?.type === 'Identifier' ? index.resolve(receiver) : undefined;
}

/** A path of the Share Video API, made up or not: neither host serves one but the retired host's upload. */
const SHARE_VIDEO_PATH = /^\/share\/video\/[\w/-]+$/i;

/**
 * `${config.baseUrl}/share/video/delete/` beside `${config.baseUrl}/share/video/upload/`, the base set
 * in another module: built on the base the upload says is the retired host, a path only that host
 * serves, or any other Share Video path (`/share/video/detail/`, which neither host ever served), is
 * on it too. Reported where it is written, as the same client's paths are.
 */
function findSameBasePaths(index: ModuleIndex, folder: ValueFolder, uploadPaths: readonly Node[], skip: ReadonlySet<Node>): RawFinding[] {
  const bases = new Set(uploadPaths.map(baseKey).filter((key): key is string => key !== undefined));
  if (bases.size === 0) return [];
  const findings: RawFinding[] = [];
  for (const node of [...index.ofType('TemplateLiteral'), ...index.ofType('BinaryExpression')]) {
    // `base + '/share/video/' + id`: the whole sum, not its first part again.
    const parent = index.parent(node);
    if (parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === node) continue;
    if (skip.has(node) || uploadPaths.includes(node) || !bases.has(baseKey(node) ?? '')) continue;
    const path = pathAfterBase(node, folder).replace(/\/+$/, '/');
    const known = KNOWN_LEGACY_PATHS.has(path.replace(/\/+$/, '').toLowerCase());
    if (!known && !SHARE_VIDEO_PATH.test(path)) continue;
    const finding = relativeFinding(path, node, ', on the base the upload to /share/video/upload/ is built on,');
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The base a URL is built on, as a key (`config.baseUrl`), when it leads the URL: `${base}/path`, `base + '/path'`. */
function baseKey(node: Node): string | undefined {
  const value = unwrap(node);
  if (value.type === 'TemplateLiteral')
    return value.quasis[0].value.raw === '' && value.expressions.length > 0 ? dotted(value.expressions[0]) : undefined;
  if (value.type === 'BinaryExpression' && value.operator === '+') return dotted(value.left) ?? baseKey(value.left);
  return undefined;
}

/** `config.baseUrl`, `this.base`, `API`: a name or a chain of names, the same text where the same value is read. */
function dotted(node: Node): string | undefined {
  const value = unwrap(node);
  if (value.type === 'Identifier') return value.name;
  if (value.type === 'ThisExpression') return 'this';
  if (isMember(value) && !value.computed && value.property.type === 'Identifier') {
    const object = dotted(value.object);
    return object && `${object}.${value.property.name}`;
  }
  return undefined;
}
