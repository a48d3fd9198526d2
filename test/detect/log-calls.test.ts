import { describe, expect, it } from 'vitest';
import { isCall, unwrap, type Node } from '../../src/detect/ast.js';
import { isLogCall } from '../../src/detect/log-calls.js';
import { parseModule } from '../../src/detect/parse.js';

/** The call an expression statement makes: `console.log(body)` → its CallExpression. */
function callOf(code: string): Node {
  const program = parseModule(`${code}\n`, 'log.js').program;
  const call = unwrap(program.body[0].expression);
  if (!isCall(call)) throw new Error(`not a call: ${code}`);
  return call;
}

describe('isLogCall: the one answer to "does this call only write a message?"', () => {
  it.each([
    'console.log(body)',
    'console.dir(body, { depth: 4 })',
    'console.error(`refused: ${JSON.stringify(body)}`)',
    'this.logger.warn(body)',
    'req.log.info(body)',
    'logger.fatal(body)',
    'winston.info(body)',
    'pino.debug(body)',
    'auditLogger.error(body)',
    "log('info', body)",
    "debug('tiktok answered %o', body)",
  ])('%s logs', (code) => expect(isLogCall(callOf(code))).toBe(true));

  it.each([
    'res.json(body)',
    'res.error(body)',
    'toast.error(body.message)',
    'callback(null, body)',
    'store.set(body)',
    'console.table.call(null, body)',
    'print(body)',
  ])('%s hands the value on', (code) => expect(isLogCall(callOf(code))).toBe(false));
});
