import { calleeName, isCall, isMember, unwrap, type Node } from './ast.js';

/**
 * Calls that only write a message somewhere: `console.warn`, `this.logger.info`, `log.error`,
 * `winston.info`, `log('info', …)`, and the `debug` package's `debug('…')`.
 */
const LOG_METHOD = /^(log|info|warn|warning|error|debug|trace|verbose|fatal|dir)$/;
const LOGGER = /^(console|log|logger|_?log[A-Z]\w*|\w*Logger|winston|pino|bunyan|consola|signale)$/;
const LOG_FUNCTION = /^(log|debug)$/;

/** A function or method the app named for logging (`this.logApiActivity(…)`, `logRequest(…)`). */
const NAMED_FOR_LOGGING = /^log[A-Z]\w*$/;

/** A call whose only job is to log: a logger's method, a function named `log` or `debug` called on its own, or one named `log…`. */
export function isLogCall(call: Node): boolean {
  if (!isCall(call)) return false;
  if (NAMED_FOR_LOGGING.test(calleeName(call) ?? '')) return true;
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return LOG_FUNCTION.test(callee.name);
  if (!isMember(callee) || !LOG_METHOD.test(calleeName(call) ?? '')) return false;
  const owner = unwrap(callee.object);
  const name = owner.type === 'Identifier' ? owner.name : isMember(owner) && !owner.computed ? owner.property.name : undefined;
  return LOGGER.test(name ?? '');
}
