import { isFunction, isMember, keyName, memberName, unwrap, type Node } from './ast.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import { findTikTokRequests } from './requests.js';
import { LEGACY_RESPONSE_KINDS, responseTaint } from './response-fields.js';
import type { ExportedValue, ValueFolder } from './static-value.js';
import type { Taint } from './taint.js';

/**
 * Where an exported function (or a class's method) keeps the legacy URL whose answer it returns, in
 * an {@link ExportedValue}: `{ '@answers': 'https://open-api.tiktok.com/share/video/upload/' }`.
 */
const ANSWER_KEY = '@answers';

/**
 * What a module's functions and classes hand on of a legacy answer, as exports: a function that
 * returns it (`return res.data`), a class whose methods do (by method name). A module that imports
 * them reads that answer where it calls them (`(await uploadClip(form)).data.share_id`).
 */
export function answerExporter(index: ModuleIndex, folder: ValueFolder): (node: Node) => ExportedValue | undefined {
  // The module's legacy requests and where their answers flow: found once, on the first function or class asked about.
  let flow: { readonly taint: Taint; readonly url: string } | null | undefined;
  const answerOf = (fn: Node | undefined): ExportedValue | undefined => {
    if (flow === undefined) {
      const legacy = findTikTokRequests(index, folder).filter((request) => LEGACY_RESPONSE_KINDS.has(request.match.kind));
      flow = legacy.length === 0 ? null : { taint: responseTaint(index, legacy), url: foldedText(legacy[0].url).split('?')[0] };
    }
    return flow && fn && isFunction(fn) && flow.taint.returnsFrom(fn) ? { [ANSWER_KEY]: flow.url } : undefined;
  };
  return (node) => {
    const value = folder.valueNode(node) ?? unwrap(node);
    if (value.type !== 'ClassDeclaration' && value.type !== 'ClassExpression') return isFunction(value) ? answerOf(value) : undefined;
    const methods: Record<string, ExportedValue> = {};
    for (const member of value.body.body as Node[]) {
      const name = keyName(member);
      const answer = answerOf(member.type === 'ClassMethod' ? member : member.value && unwrap(member.value));
      if (name && answer) methods[name] = answer;
    }
    return Object.keys(methods).length > 0 ? methods : undefined;
  };
}

/** …and the module it is exported from (absolute), stamped by the loader (`stampAnswerModules`). */
const MODULE_KEY = '@module';

/** Words of the TODO a read of such an answer gets while that module's request is not migrated. */
export const HANDED_IN_ANSWER = 'a legacy answer another module fetches and hands on here';

export interface ImportedAnswerCall {
  readonly call: Node;
  /** The module whose request the answer comes from, when the loader knows it. */
  readonly module: string | undefined;
}

/**
 * The calls of this module that return a legacy answer another module's code fetched: an imported
 * function (`uploadClip(…)`), or a method of an imported class on an instance made here
 * (`new TikTokClient(…).upload(…)`, `client.upload(…)`).
 */
export function importedAnswerCalls(index: ModuleIndex, folder: ValueFolder): ImportedAnswerCall[] {
  const calls: ImportedAnswerCall[] = [];
  for (const call of [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')]) {
    const callee = unwrap(call.callee);
    let exported: ExportedValue | undefined;
    if (callee.type === 'Identifier') exported = folder.importedValue(callee);
    else if (isMember(callee)) {
      const instance = folder.valueNode(callee.object) ?? unwrap(callee.object);
      const owner = instance.type === 'NewExpression' ? folder.importedValue(instance.callee) : undefined;
      const method = memberName(callee);
      exported = method && owner && typeof owner === 'object' ? owner[method] : undefined;
    }
    if (exported && typeof exported === 'object' && typeof exported[ANSWER_KEY] === 'string') {
      const module = exported[MODULE_KEY];
      calls.push({ call, module: typeof module === 'string' ? module : undefined });
    }
  }
  return calls;
}

/** The exported functions and methods of `file` that hand on a legacy answer, told where they come from. */
export function stampAnswerModules(value: ExportedValue, file: string): ExportedValue {
  if (typeof value === 'string') return value;
  if (typeof value[ANSWER_KEY] === 'string') return { ...value, [MODULE_KEY]: file };
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, stampAnswerModules(inner, file)]));
}

/** Whether an export (or a class's methods) hands on a legacy answer. */
export function handsOnAnswer(value: ExportedValue): boolean {
  if (typeof value === 'string') return false;
  return typeof value[ANSWER_KEY] === 'string' || Object.values(value).some(handsOnAnswer);
}
