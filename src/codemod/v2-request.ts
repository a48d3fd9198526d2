import { fileHabits, layoutOf, objectText, runsPastWidth, spansLines, type CallLayout } from './call-layout.js';
import type { CodemodContext } from './context.js';
import type { V1RequestParts } from './v1-request.js';
import { findProperty, isMember, keyName, objectProperties, staticString, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';

/** The new request, in words the renderer turns into the client's own call. */
export interface V2Call {
  readonly method: 'GET' | 'POST';
  /** The URL as code: a quoted literal. */
  readonly url: string;
  /** Headers: the name, and the value as code (`\`Bearer ${token}\``). */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** Object entries as code, sent form-encoded or as JSON. */
  readonly body?: { readonly as: 'form' | 'json'; readonly entries: readonly string[] };
  /** The legacy request's other options, as code, an entry each. */
  readonly rest?: readonly string[];
}

/**
 * Puts the v2 request where the legacy one was, in its own client. What the code hands the request
 * stays as it is: request's callback, superagent's `.timeout()` or `.end()`; superagent's calls that
 * shaped the legacy request (`.query()`, `.send()`, `.set()`) go.
 */
export function replaceV1Request(context: CodemodContext, request: TikTokRequest, parts: V1RequestParts, call: V2Call): void {
  if (parts.xhr) return replaceXhrRequest(context, request, parts.xhr, parts.headerCalls ?? [], call);
  // `const renewal = { url: '…' }; … axios.request(renewal)`: the object the code built is the
  // request; it takes the new options where it is, in its own layout, and the call stays as written.
  const held = parts.configCall ? configHeldByName(context, request, parts) : undefined;
  if (held) {
    const text = v2CallText(context, request, parts, call, { ...layoutOf(context, held), optionsBroken: spansLines(held) });
    context.pathOf(held).replace(context.j.template.expression([text]).arguments[0]);
    return;
  }
  let layout = layoutOf(context, request.call);
  let text = v2CallText(context, request, parts, call, layout);
  // A call written on one line that would grow past the line's width breaks its objects, the way a
  // formatter would, instead of running on (or having its arguments wrapped one a line by recast).
  if (!layout.broken && runsPastWidth(context, request.call, text)) {
    layout = { ...layout, ...fileHabits(context), broken: true, optionsBroken: true };
    text = v2CallText(context, request, parts, call, layout);
  }
  const node = context.j.template.expression([text]);
  if (parts.callback) node.arguments.push(parts.callback);
  if (!layout.broken || !replaceInPlace(context, request.call, node)) context.pathOf(request.call).replace(node);
  // Inner to outer: each link's callee now holds the new request, which takes the link's place.
  for (const link of parts.shaping ?? []) context.pathOf(link).replace(unwrap(link.callee).object);
}

/** The options object a `const` holds and the call names, when that call is the name's one use. */
function configHeldByName(context: CodemodContext, request: TikTokRequest, parts: V1RequestParts): Node | undefined {
  const [argument] = request.call.arguments as Node[];
  const binding = argument && unwrap(argument).type === 'Identifier' ? context.index.resolve(unwrap(argument)) : undefined;
  if (binding?.kind !== 'const' || binding.path.length > 0 || !binding.init || unwrap(binding.init) !== parts.options) return undefined;
  return context.index.referencesOf(binding).filter((reference) => reference !== binding.id).length === 1 ? parts.options : undefined;
}

/**
 * The new call's callee and arguments put in the legacy call, one by one, when it takes as many: recast
 * then prints only what changed, between the separators the file wrote (each argument on its own line,
 * say), where a new call would be printed with its arguments on one line. Only for a call written over
 * several lines: one written on a single line is printed anew, which wraps it when it grew too long.
 */
function replaceInPlace(context: CodemodContext, old: Node, node: Node): boolean {
  if (old.type !== node.type || old.arguments.length !== node.arguments.length) return false;
  if (node.typeArguments ?? node.typeParameters) return false;
  // `ky\n  .post(…)`: the arguments start on a line of their own indentation, which the new objects,
  // laid out from the call's first line, would not match.
  const callee = (old.original ?? old).callee as Node;
  if (!callee.loc || callee.loc.start.line !== callee.loc.end.line) return false;
  const pairs: [Node, Node][] = [
    [old.callee, node.callee],
    ...old.arguments.map((argument: Node, index: number): [Node, Node] => [argument, node.arguments[index]]),
  ];
  // recast reprints none of what reads the same as before: an options object the new call keeps as it was stays as written.
  for (const [before, after] of pairs) if (before !== after) context.pathOf(before).replace(after);
  return true;
}

/**
 * XMLHttpRequest is written in statements: `open()` gets the new method and URL, the legacy request's
 * `setRequestHeader()` statements give way to the new one's, right after `open()`, and `send()` gets the new body.
 */
function replaceXhrRequest(
  context: CodemodContext,
  request: TikTokRequest,
  xhr: NonNullable<V1RequestParts['xhr']>,
  headerCalls: readonly Node[],
  call: V2Call,
): void {
  const expression = (text: string) => context.j.template.expression([text]);
  const [method, url] = request.call.arguments;
  context.pathOf(method).replace(expression(`'${call.method}'`));
  context.pathOf(url).replace(expression(call.url));
  for (const header of headerCalls) context.pathOf(context.index.parent(header)!).prune();
  const receiver = context.source(request.receiver!);
  // Built around an expression: a statement from a template keeps the template's positions, and
  // recast would print the new statements on one line.
  const statements = call.headers.map(([name, value]) =>
    context.j.expressionStatement(expression(`${receiver}.setRequestHeader('${name}', ${value})`)),
  );
  context.pathOf(xhr.statement).insertAfter(...statements);
  const object = call.body && `{ ${call.body.entries.join(', ')} }`;
  const form = object && `new URLSearchParams(${object}${context.isTypeScript ? ' as Record<string, string>' : ''}).toString()`;
  xhr.send.arguments = call.body ? [expression(call.body.as === 'form' ? form! : `JSON.stringify(${object})`)] : [];
}

/**
 * The v2 request in the legacy request's own client: fetch, ky and undici take a `body` (ky and got
 * also `json`, got `form`), axios its data second, request `form` or `body` with `json: true`,
 * superagent `.type('form').send(…)`; the answer's type argument (`axios.post<T>`) stays.
 */
function v2CallText(context: CodemodContext, request: TikTokRequest, parts: V1RequestParts, call: V2Call, layout: CallLayout): string {
  // Each builder takes the level of the line its object opens on (0 for the call's line, 1 for an
  // entry of the options object) and the text before it on that line.
  const callText = (callee: string, ...values: (string | undefined)[]) =>
    `${callee}(${values.filter((value): value is string => value !== undefined).join(', ')})`;
  const object = (level: number, lead: string) => call.body && objectText(layout, call.body.entries, level, lead);
  const form = (level: number, lead: string) =>
    `new URLSearchParams(${object(level, `${lead}new URLSearchParams(`)}${context.isTypeScript ? ' as Record<string, string>' : ''})`;
  // A file that quotes `'Authorization'` where it need not keeps doing so.
  const quotesKeys = /(['"])Authorization\1\s*:/.test(context.text);
  // A header the legacy request named already keeps its spelling (`"Content-type"`).
  const ownNames = request.options.flatMap((options) => {
    const headers = findProperty(options, 'headers')?.value;
    return headers && unwrap(headers).type === 'ObjectExpression'
      ? objectProperties(unwrap(headers)).map((entry) => keyName(entry) ?? '')
      : [];
  });
  const spelled = (name: string) => ownNames.find((own) => own.toLowerCase() === name.toLowerCase()) ?? name;
  const headersOf = (all: boolean) => {
    const entries = call.headers
      .filter(([name]) => all || name !== 'Content-Type')
      .map(([name, value]) => {
        const key = spelled(name);
        return `${/^\w+$/.test(key) && !quotesKeys ? key : `'${key}'`}: ${value}`;
      });
    // Headers the legacy request wrote an entry a line keep that layout.
    return entries.length > 0
      ? `headers: ${objectText(layout, entries, 1, 'headers: ', layout.headersBroken ? 'broken before' : 'no')}`
      : undefined;
  };
  const options = (...entries: (string | undefined)[]) => optionsAfter(undefined, ...entries);
  const optionsAfter = (previous: string | undefined, ...entries: (string | undefined)[]) =>
    objectText(
      layout,
      [...entries, ...(call.rest ?? [])].filter((entry): entry is string => entry !== undefined),
      0,
      '',
      previous?.includes('\n') ? 'after a broken argument' : 'yes',
    );
  const typeArguments = request.call.typeParameters ?? request.call.typeArguments;
  const generic = typeArguments ? context.source(typeArguments) : '';
  const verb = call.method === 'GET' ? 'get' : 'post';
  const method = `method: '${call.method}'`;
  switch (parts.style) {
    case 'fetch': {
      const body = call.body && (call.body.as === 'form' ? form(1, 'body: ') : `JSON.stringify(${object(1, 'body: JSON.stringify(')})`);
      return callText(context.source(request.call.callee), call.url, options(method, headersOf(true), body && `body: ${body}`));
    }
    case 'undici-request': {
      // undici's request takes a string, bytes or a stream as its body.
      const body =
        call.body &&
        (call.body.as === 'form' ? `${form(1, 'body: ')}.toString()` : `JSON.stringify(${object(1, 'body: JSON.stringify(')})`);
      return callText(
        `${context.source(request.call.callee)}${generic}`,
        call.url,
        options(method, headersOf(true), body && `body: ${body}`),
      );
    }
    case 'axios': {
      if (parts.configCall) {
        const data = call.body && `data: ${call.body.as === 'form' ? form(1, 'data: ') : object(1, 'data: ')}`;
        // The config's own `method: "POST"` keeps its case; axios takes either.
        const own = request.options.map((options) => findProperty(options, 'method')?.value).find(Boolean);
        const ownMethod = own && staticString(unwrap(own))?.toLowerCase() === call.method.toLowerCase() ? context.source(own) : undefined;
        return callText(
          `${context.source(request.call.callee)}${generic}`,
          options(ownMethod ? `method: ${ownMethod}` : method.toLowerCase(), `url: ${call.url}`, headersOf(true), data),
        );
      }
      const callee = `${context.source(parts.callee.object)}.${verb}${generic}`;
      // An argument counts its own width only: recast puts each argument on a line of its own when the
      // first line of them grows long.
      const data = call.body && (call.body.as === 'form' ? form(0, '') : object(0, ''));
      return callText(callee, call.url, data, optionsAfter(data, headersOf(true)));
    }
    case 'got':
    case 'ky': {
      // Both set the Content-Type of a `json`, `form` or URLSearchParams body themselves.
      const body =
        call.body &&
        (call.body.as === 'json'
          ? `json: ${object(1, 'json: ')}`
          : parts.style === 'got'
            ? `form: ${object(1, 'form: ')}`
            : `body: ${form(1, 'body: ')}`);
      return callText(`${context.source(parts.callee.object)}.${verb}${generic}`, call.url, options(headersOf(false), body));
    }
    case 'request': {
      // request sets the Content-Type of a `form`, and of a `body` sent with `json: true`.
      const body = call.body && (call.body.as === 'form' ? `form: ${object(1, 'form: ')}` : `body: ${object(1, 'body: ')}`);
      const json = parts.parsesJson || call.body?.as === 'json' ? 'json: true' : undefined;
      const url = `${parts.urlKey ?? 'url'}: ${call.url}`;
      return isMember(parts.callee)
        ? callText(`${context.source(parts.callee.object)}.${verb}`, options(url, headersOf(false), body, json))
        : callText(context.source(request.call.callee), options(method, url, headersOf(false), body, json));
    }
    case 'xhr':
      throw new Error('XMLHttpRequest is written in statements (replaceXhrRequest)');
    case 'superagent': {
      // `.type('form')` sends the object form-encoded; an object `.send()` alone goes as JSON.
      const sets = call.headers.filter(([name]) => name !== 'Content-Type').map(([name, value]) => `.set('${name}', ${value})`);
      const chain = `${context.source(parts.callee.object)}.${verb}(${call.url})${sets.join('')}${call.body?.as === 'form' ? ".type('form')" : ''}`;
      return call.body ? `${chain}.send(${object(0, '.send(')})` : chain;
    }
  }
}
