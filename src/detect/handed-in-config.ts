import { calleeName, isMember, memberName, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * `this.client(error.config)`, `api.request(config)` with `config` a parameter: a client instance sent
 * a request config handed in from elsewhere. A retry in a response interceptor sends again what a
 * request elsewhere built (axios errors carry that request's `config`); a pass-through method
 * (`request(config) { return this.client(config) }`) sends what its callers build. Neither is a site
 * of its own: the request that built the config is, and the instance's base URL, which every such
 * request goes to.
 */
export function sendsHandedInConfig(call: Node, index: ModuleIndex, instanceCalled: boolean): boolean {
  // The instance called itself (`api(config)`, `this.client(config)`) or its `request` method: both take a whole config.
  return (instanceCalled || calleeName(call) === 'request') && handsInConfig(call, index);
}

/** The call's one argument is a config handed in (checked before the costlier question of its client). */
export function handsInConfig(call: Node, index: ModuleIndex): boolean {
  return call.arguments.length === 1 && isHandedIn(unwrap(call.arguments[0]), index, 0);
}

function isHandedIn(node: Node, index: ModuleIndex, depth: number): boolean {
  // `error.config`: the config of the failed request an interceptor was given.
  if (isMember(node) && memberName(node) === 'config') return true;
  if (node.type !== 'Identifier' || depth > 3) return false;
  const binding = index.resolve(node);
  if (binding?.kind === 'param') return true;
  // `const originalRequest = error.config`.
  return (
    !!binding?.init && binding.path.length === 0 && binding.assignments.length === 0 && isHandedIn(unwrap(binding.init), index, depth + 1)
  );
}
