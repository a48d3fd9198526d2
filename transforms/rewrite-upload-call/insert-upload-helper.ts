import type { CodemodContext } from '../../src/codemod/context.js';
import { ensureNamedImport, ensureTypeImport } from '../../src/codemod/imports.js';
import { render } from '../../src/codemod/upload-helpers/template.js';
import type { UploadClient } from '../../src/codemod/upload-helpers/index.js';

const HELPER_BASE_NAME = 'uploadToTikTokInbox';
const inserted = new WeakMap<CodemodContext, Map<string, string>>();

/**
 * Adds the upload helper for a client at the end of the module, once per client, and returns its
 * name. A module that already has one from an earlier run reuses it, so a second run adds nothing.
 */
export function insertUploadHelper(context: CodemodContext, client: UploadClient, pull: boolean, clientSource = ''): string {
  let names = inserted.get(context);
  if (!names) inserted.set(context, (names = new Map()));
  const id = `${client.kind}${pull ? ':pull' : ''}`;
  const known = names.get(id);
  if (known) return known;
  const clients = new Set([...names.keys()].map((key) => key.split(':')[0]));
  // `node-fetch` → `WithNodeFetch`: a client's name is not always an identifier.
  const suffix =
    clients.size === 0 || clients.has(client.kind) ? '' : `With${client.kind.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())}`;
  const name = context.freshName(`${HELPER_BASE_NAME}${pull ? 'FromUrl' : ''}${suffix}`);
  let text = render(pull ? client.pullHelper : client.helper, context.isTypeScript, name, clientSource);
  for (const imported of client.imports ?? [])
    text = text.replaceAll(imported.placeholder, ensureNamedImport(context, imported.source, imported.name));
  context.appendix.push(text);
  if (context.isTypeScript && client.typeImports) ensureTypeImport(context, client.typeImports.source, client.typeImports.names);
  names.set(id, name);
  return name;
}
