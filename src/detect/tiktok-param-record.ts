import { namesOtherService } from '../contract/lookalikes.js';
import { findProperty, keyName, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import { functionName } from './record-key-readers.js';

const TIKTOK_KEY = /^tik_?tok$/i;

/**
 * `testTikTokConnection(config) { axios.get(`${config.apiUrl}/user/info/`) }` beside
 * `platforms: { tiktok: { apiUrl: 'https://open-api.tiktok.com' }, facebook: { … } }`: the record
 * reaches the parameter through lookups no reader follows (`Object.entries`, a switch on the
 * platform's name), but a function named for TikTok alone, reading a key the module's one TikTok
 * record holds, reads that record. The value written there, or undefined when anything else is possible.
 */
export function tiktokRecordValue(member: Node, name: string, index: ModuleIndex): Node | undefined {
  const object = unwrap(member.object);
  const binding = object.type === 'Identifier' ? index.resolve(object) : undefined;
  if (binding?.kind !== 'param' || binding.path.length > 0 || !binding.declaration) return undefined;
  const fnName = functionName(binding.declaration, index) ?? '';
  if (!/tik_?tok/i.test(fnName) || namesOtherService(fnName)) return undefined;
  const values = new Set<Node>();
  for (const record of tiktokRecords(index)) {
    const field = findProperty(record, name);
    if (field) values.add(field.value);
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** The objects a module writes under a `tiktok` key, found once per module: the folder asks often. */
const recordsOf = new WeakMap<ModuleIndex, Node[]>();

function tiktokRecords(index: ModuleIndex): Node[] {
  let records = recordsOf.get(index);
  if (!records) {
    records = [...index.ofType('ObjectProperty'), ...index.ofType('Property')]
      .filter((property) => TIKTOK_KEY.test(keyName(property) ?? '') && unwrap(property.value).type === 'ObjectExpression')
      .map((property) => unwrap(property.value));
    recordsOf.set(index, records);
  }
  return records;
}
