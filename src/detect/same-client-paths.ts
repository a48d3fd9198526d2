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
  if (clients.size === 0) return [];
  const findings: RawFinding[] = [];
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
