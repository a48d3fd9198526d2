import { isFunction, isMember, keyName, memberName, unwrap, type Node } from './ast.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import { findTikTokRequests } from './requests.js';
import { LEGACY_RESPONSE_KINDS, responseTaint } from './response-fields.js';
import type { ExportedValue, ValueFolder } from './static-value.js';

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
  let described: ((value: Node) => ExportedValue | undefined) | undefined;
  const describe = () => {
    const legacy = findTikTokRequests(index, folder).filter((request) => LEGACY_RESPONSE_KINDS.has(request.match.kind));
    if (legacy.length === 0) return () => undefined;
    const taint = responseTaint(index, legacy);
    const url = foldedText(legacy[0].url).split('?')[0];
    const ofFunction = (fn: Node | undefined) => (fn && isFunction(fn) && taint.returnsFrom(fn) ? { [ANSWER_KEY]: url } : undefined);
    return (value: Node): ExportedValue | undefined => {
      if (value.type !== 'ClassDeclaration' && value.type !== 'ClassExpression') return ofFunction(value);
      const methods: Record<string, ExportedValue> = {};
      for (const member of value.body.body as Node[]) {
        const name = keyName(member);
        const answer = ofFunction(member.type === 'ClassMethod' ? member : member.value && unwrap(member.value));
        if (name && answer) methods[name] = answer;
      }
      return Object.keys(methods).length > 0 ? methods : undefined;
    };
  };
  return (node) => {
    const value = folder.valueNode(node) ?? unwrap(node);
    if (!isFunction(value) && value.type !== 'ClassDeclaration' && value.type !== 'ClassExpression') return undefined;
    described ??= describe();
    return described(value);
  };
}

/**
 * The calls of this module that return a legacy answer another module's code fetched: an imported
 * function (`uploadClip(…)`), or a method of an imported class on an instance made here
 * (`new TikTokClient(…).upload(…)`, `client.upload(…)`).
 */
export function importedAnswerCalls(index: ModuleIndex, folder: ValueFolder): Node[] {
  const calls: Node[] = [];
  for (const call of [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')]) {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      if (answersOf(folder.importedValue(callee))) calls.push(call);
    } else if (isMember(callee)) {
      const instance = folder.valueNode(callee.object) ?? unwrap(callee.object);
      if (instance.type !== 'NewExpression') continue;
      const exported = folder.importedValue(instance.callee);
      const method = memberName(callee);
      if (method && exported && typeof exported === 'object' && answersOf(exported[method])) calls.push(call);
    }
  }
  return calls;
}

function answersOf(value: ExportedValue | undefined): string | undefined {
  const url = value && typeof value === 'object' ? value[ANSWER_KEY] : undefined;
  return typeof url === 'string' ? url : undefined;
}
