import { calleeName, isCall, isMember, unwrap, type Node } from './ast.js';

/** Calls that only write a message somewhere: `console.warn`, `this.logger.info`, `log.error`, `log('info', …)`. */
const LOG_METHOD = /^(log|info|warn|warning|error|debug|trace|verbose)$/;
const LOGGER = /^(console|log|logger|_?log[A-Z]\w*|\w*Logger)$/;

/** A call whose only job is to log: a logger's method, or a function named `log` called on its own. */
export function isLogCall(call: Node): boolean {
  if (!isCall(call)) return false;
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name === 'log';
  if (!isMember(callee) || !LOG_METHOD.test(calleeName(call) ?? '')) return false;
  const owner = unwrap(callee.object);
  const name = owner.type === 'Identifier' ? owner.name : isMember(owner) && !owner.computed ? owner.property.name : undefined;
  return LOGGER.test(name ?? '');
}
