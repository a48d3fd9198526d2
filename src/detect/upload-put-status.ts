import { calleeName, findProperty, isCall, isMember, isNumberLiteral, memberName, staticString, unwrap, type Node } from './ast.js';
import { isUploadUrl } from './form-to-upload-url.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/**
 * `const sent = await axios.put(upload_url, bytes, …)` then `if (sent.status !== 200)`: the PUT of the
 * bytes to the upload URL the init answered answers 201 once the last byte arrives and 206 for each
 * chunk before it (§4.3), never 200, so the test takes every upload for a failure. Code written for
 * the Content Posting API makes it; only in a module that uploads to TikTok (`uploads`).
 */
export function findUploadPutStatusTests(index: ModuleIndex, uploads: boolean): RawFinding[] {
  if (!uploads) return [];
  const findings: RawFinding[] = [];
  for (const test of index.ofType('BinaryExpression')) {
    if (!EQUALITY.has(test.operator)) continue;
    const [status, other] = isStatusRead(test.left) ? [test.left, test.right] : [test.right, test.left];
    if (!isStatusRead(status) || !isOk(other) || !isUploadPut(index, unwrap(status).object)) continue;
    findings.push({ ruleId: 'no-legacy-response-field', messageId: 'uploadPutStatus', node: test, severity: 'warning', data: {} });
  }
  return findings;
}

function isOk(node: Node): boolean {
  const value = unwrap(node);
  return isNumberLiteral(value) && value.value === 200;
}

function isStatusRead(node: Node): boolean {
  const value = unwrap(node);
  return isMember(value) && memberName(value) === 'status';
}

/** The answer of a PUT to the upload URL: the call itself, awaited, or a name given it once. */
function isUploadPut(index: ModuleIndex, node: Node): boolean {
  let value = unwrap(node);
  if (value.type === 'AwaitExpression') value = unwrap(value.argument);
  if (value.type === 'Identifier') {
    const binding = index.resolve(value);
    if (!binding?.init || binding.path.length > 0 || binding.assignments.length > 0) return false;
    value = unwrap(binding.init);
    if (value.type === 'AwaitExpression') value = unwrap(value.argument);
  }
  if (!isCall(value)) return false;
  const [url, second] = value.arguments as Node[];
  if (!url || !isUploadUrl(index, url)) return false;
  // `axios.put(url, bytes)`, `got.put(url, …)`; `fetch(url, { method: 'PUT' })`, `axios({ … })` aside.
  if (calleeName(value) === 'put') return true;
  const method = second && unwrap(second).type === 'ObjectExpression' ? findProperty(unwrap(second), 'method') : undefined;
  return !!method && staticString(unwrap(method.value))?.toUpperCase() === 'PUT';
}
