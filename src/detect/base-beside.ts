import { isObjectProperty, isStringLiteral, keyName, objectProperties, unwrap, type Node } from './ast.js';
import { classifyUrl, type UrlKind } from './classify-url.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { ValueFolder } from './static-value.js';

/**
 * The host a relative path's record names beside it: `{ base: 'https://open-api.tiktok.com', upload:
 * '/share/video/upload/' }` → the legacy base (`apiUrl`, `base`: its key), `{ base:
 * 'https://open.tiktokapis.com/v2', userInfo: '/user/info/' }` → the Content Posting host, under which
 * the path is a v2 endpoint. `undefined` when no sibling of the path's property is a bare TikTok base.
 */
export function baseBeside(
  node: Node,
  index: ModuleIndex,
  folder: ValueFolder,
): { readonly key: string; readonly kind: Extract<UrlKind, 'legacy-base' | 'content-posting'> } | undefined {
  const property = index.parent(node);
  const record = property && index.parent(property);
  if (!property || !isObjectProperty(property) || property.value !== node || record?.type !== 'ObjectExpression') return undefined;
  for (const sibling of objectProperties(record)) {
    if (sibling === property) continue;
    const value = unwrap(sibling.value);
    const text = isStringLiteral(value) || value.type === 'TemplateLiteral' ? foldedText(folder.fold(value)) : undefined;
    const match = text === undefined ? undefined : classifyUrl(text);
    const key = keyName(sibling);
    if (key === undefined || !match) continue;
    if (match.kind === 'legacy-base') return { key, kind: match.kind };
    // The Content Posting host with no endpoint after it (`…/v2` at most): a base.
    if (match.kind === 'content-posting' && /^\/?(v2\/?)?$/.test(match.path)) return { key, kind: match.kind };
  }
  return undefined;
}
