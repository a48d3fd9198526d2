import { calleeName, isCall, isMember, unwrap, type Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import { INSTANCE_LIBRARY_KEY } from '../detect/static-value.js';
import type { CodemodContext } from './context.js';
import type { ClientKind } from './upload-helpers/upload-client.js';

export interface RequestClient {
  readonly kind: ClientKind;
  /** Source of the client object to hand to the helper (`axios`, `this.client`, `got`). */
  readonly client?: string;
}

/** The client a package name stands for. `request` of undici is told apart by the imported name. */
const LIBRARIES: Record<string, ClientKind> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  superagent: 'superagent',
  request: 'request',
  'request-promise': 'request-promise',
  'request-promise-native': 'request-promise',
  'node-fetch': 'node-fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  undici: 'undici-fetch',
};

/**
 * Which HTTP client sends a request, from where its callee comes from: an import or `require` of a
 * known package, the global `fetch`, or an instance some known package created (here or in an
 * imported module). Undefined for anything else: a wrapper the codemod cannot see into.
 */
export function clientOf(request: TikTokRequest, context: CodemodContext): RequestClient | undefined {
  return clientOfCall(request.call, context);
}

/** The client of any call, TikTok's or not (`axios.post(config.tokenUrl, …)` beside the TikTok one). */
export function clientOfCall(call: Node, context: CodemodContext): RequestClient | undefined {
  const callee = unwrap(call.callee);
  const receiver = isMember(callee) ? unwrap(callee.object) : callee;
  if (isMember(callee) && calleeName(call) === 'open' && isXhr(receiver, context)) return { kind: 'xhr', client: context.source(receiver) };
  if (isMember(callee) && calleeName(call) === 'submit' && isFormDataPackage(receiver, context)) return { kind: 'form-data-submit' };
  const library = libraryOfValue(receiver, context);
  if (library === undefined) {
    if (callee.type === 'Identifier' && callee.name === 'fetch') return { kind: 'fetch', client: 'fetch' };
    // A page's script that loads axios with a <script> tag: the global `axios`, bound nowhere here.
    const globalAxios = receiver.type === 'Identifier' && receiver.name === 'axios' && !context.index.resolve(receiver);
    return globalAxios && !context.isTypeScript ? { kind: 'axios', client: 'axios' } : undefined;
  }
  if (library.source === 'undici') {
    const imported = importedName(receiver, context);
    return imported === 'request'
      ? { kind: 'undici-request', client: context.source(receiver) }
      : imported === 'fetch'
        ? { kind: 'undici-fetch', client: context.source(receiver) }
        : undefined;
  }
  const kind = LIBRARIES[library.source];
  return kind ? { kind, client: context.source(receiver) } : undefined;
}

/** `new XMLHttpRequest()`, or a variable or field that holds one. */
function isXhr(node: Node, context: CodemodContext): boolean {
  const value = context.folder.valueNode(node);
  return !!value && value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'XMLHttpRequest';
}

/** An object made by the form-data package (`new FormData()` where FormData comes from it). */
function isFormDataPackage(node: Node, context: CodemodContext): boolean {
  const value = context.folder.valueNode(node);
  if (!value || value.type !== 'NewExpression' || value.callee.type !== 'Identifier') return false;
  return context.index.resolve(value.callee)?.importSource === 'form-data';
}

function importedName(node: Node, context: CodemodContext): string | undefined {
  if (node.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(node);
  return binding?.importName === 'default' || binding?.importName === '*' ? node.name : binding?.importName;
}

/** The package behind an identifier: imported from it, or an instance one of its factories made. */
function libraryOfValue(node: Node, context: CodemodContext): { source: string } | undefined {
  if (node.type === 'Identifier') {
    const binding = context.index.resolve(node);
    if (binding?.kind === 'import' && binding.importSource) {
      if (LIBRARIES[binding.importSource]) return { source: binding.importSource };
      const imported = context.folder.importedValue(node);
      const library = imported && typeof imported === 'object' ? imported[INSTANCE_LIBRARY_KEY] : undefined;
      return typeof library === 'string' && library ? { source: library } : undefined;
    }
  }
  const value = context.folder.valueNode(node);
  if (value && isCall(value) && (calleeName(value) === 'create' || calleeName(value) === 'extend')) {
    return value === node ? undefined : { source: context.folder.libraryOf(value) ?? '' };
  }
  return typedAsAxios(node, context) ? { source: 'axios' } : undefined;
}

/** The instance types axios exports: a parameter declared with one is an axios client handed in. */
const AXIOS_INSTANCE_TYPES = new Set(['AxiosInstance', 'AxiosStatic']);

/** `refresh(credentials, httpClient: AxiosInstance)`: a parameter whose declared type is axios's own. */
function typedAsAxios(node: Node, context: CodemodContext): boolean {
  if (node.type !== 'Identifier') return false;
  const binding = context.index.resolve(node);
  const type = binding?.kind === 'param' ? binding.id.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier' || !AXIOS_INSTANCE_TYPES.has(type.typeName.name))
    return false;
  return context.index.resolve(type.typeName)?.importSource === 'axios';
}
