import { LEGACY_API_HOSTS, V2_TOKEN_URL } from '../contract/index.js';
import { isFunction, keyName, objectProperties, type Node } from './ast.js';
import { classifyUrl, type UrlMatch } from './classify-url.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { ValueFolder } from './static-value.js';

/** A record that describes a request some shared code sends: its URL, how it builds the query, how it reads the answer. */
export interface RequestRecord {
  /** The value of its URL property. */
  readonly url: Node;
  readonly match: UrlMatch;
  /** The object of query parameters it builds (`buildQuery: (open_id, access_token) => qs({ open_id, access_token })`). */
  readonly queries: readonly Node[];
  /** The parameter its answer reader gets (`formatResponse: (obj) => ({ id: obj.data.share_id })`). */
  readonly answers: readonly Node[];
}

const URL_KEYS = new Set(['url', 'uri', 'endpoint', 'href']);
/** The API hosts, retired and new (not the authorize page's): a record's URL there is a request's. */
const TIKTOK_API_HOSTS: readonly string[] = [...LEGACY_API_HOSTS, new URL(V2_TOKEN_URL).host];
const QUERY_KEY = /query|params/i;
const ANSWER_KEY = /response|result|answer|parse|transform|format/i;
const SENDER_KEY = /^request$/;

/**
 * `{ url: 'https://open-api.tiktok.com/share/video/upload/', buildQuery: (open_id, access_token) => …,
 * formatResponse: (obj) => ({ share_id: obj.data.share_id }) }`: a provider table's entry, sent by a
 * generic client elsewhere. The legacy URL is reported as a URL; what the entry builds into the query
 * and reads of the answer are the request's too.
 */
export function findRequestRecords(index: ModuleIndex, folder: ValueFolder): RequestRecord[] {
  const records: RequestRecord[] = [];
  for (const object of index.ofType('ObjectExpression')) {
    const properties = objectProperties(object);
    const url = properties.find((property) => URL_KEYS.has(keyName(property) ?? ''));
    const match = url && classifyUrl(foldedText(folder.fold(url.value)));
    // The legacy host, or the Content Posting one: a token in the query is wrong on both.
    if (!match || !TIKTOK_API_HOSTS.includes(match.host)) continue;
    // A method (`transformResult(body) { … }`) as well as a property holding a function.
    const functions = (pattern: RegExp) =>
      (object.properties as Node[]).filter(
        (property) => property !== url && pattern.test(keyName(property) ?? '') && isFunction(property.value ?? property),
      );
    const queries = [
      ...functions(QUERY_KEY).flatMap((property) => objectsReturned(index, property.value ?? property)),
      // `request: async ({ client }) => client.userinfo(tokens, { params: { access_token, open_id } })`
      // (next-auth's providers): the query the OAuth library sends to this URL, written in the call.
      ...functions(SENDER_KEY).flatMap((property) => paramsObjects(index, property.value ?? property)),
    ];
    const answers = functions(ANSWER_KEY).flatMap((property) => {
      const fn = property.value ?? property;
      return fn.params?.[0] ? [fn.params[0]] : [];
    });
    if (queries.length > 0 || answers.length > 0) records.push({ url: url.value, match, queries, answers });
  }
  return records;
}

/** The object literals a function builds its value from: its body's, or the one passed to the call it returns. */
function objectsReturned(index: ModuleIndex, fn: Node): Node[] {
  const objects: Node[] = [];
  const body = fn.body;
  const returned: Node[] =
    body?.type === 'BlockStatement'
      ? index
          .ofType('ReturnStatement')
          .filter((statement) => statement.argument && isInside(index, statement, body))
          .map((statement) => statement.argument)
      : body
        ? [body]
        : [];
  for (const value of returned) {
    if (value.type === 'ObjectExpression') objects.push(value);
    else if ((value.type === 'CallExpression' || value.type === 'NewExpression') && value.arguments[0]?.type === 'ObjectExpression')
      objects.push(value.arguments[0]);
  }
  return objects;
}

/** The `params: { … }` objects written inside a function: the query of the calls it makes. */
function paramsObjects(index: ModuleIndex, fn: Node): Node[] {
  return [...index.ofType('ObjectProperty'), ...index.ofType('Property')]
    .filter((property) => keyName(property) === 'params' && property.value?.type === 'ObjectExpression' && isInside(index, property, fn))
    .map((property) => property.value);
}

function isInside(index: ModuleIndex, node: Node, container: Node): boolean {
  for (let current = index.parent(node); current; current = index.parent(current)) if (current === container) return true;
  return false;
}
