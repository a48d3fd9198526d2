import { MEDIA_TRANSFER } from '../contract/index.js';
import { findProperty, isIdentifier, memberName, staticString, unwrap, type Node } from '../detect/ast.js';
import { requestBodies, type TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { chainedVideoPart, videoPartOf } from './video-part.js';

/**
 * What the legacy multipart part said the video is: `contentType` in form-data's options
 * (`form.append('video', buffer, { filename, contentType: file.mimetype })`, superagent's `.attach`,
 * request's `formData.video.options`), or a file name whose extension names a type TikTok takes.
 * The PUT of the new upload carries it as its Content-Type (the helper sends MP4 otherwise), so a
 * QuickTime or WebM upload is not labelled MP4. `text` is what the rewritten call passes;
 * `undefined` when the part names no type, or MP4 itself.
 */
export function legacyVideoType(request: TikTokRequest, context: CodemodContext): { readonly text: string } | undefined {
  const options = partOptions(request, context);
  if (!options) return undefined;
  const object = context.folder.objectOf(options);
  const contentType = object && findProperty(object, 'contentType');
  if (contentType) {
    const literal = staticString(contentType.value);
    if (literal !== undefined)
      return literal === MEDIA_TRANSFER.defaultContentType ? undefined : { text: context.source(contentType.value) };
    // Moved, never copied: the part goes with the legacy form, so a read of a value is all it may be.
    return readsOnly(unwrap(contentType.value)) ? { text: context.source(contentType.value) } : undefined;
  }
  const filename = staticString(object ? findProperty(object, 'filename')?.value : options);
  const extension = filename?.toLowerCase().match(/\.\w+$/)?.[0];
  const type = extension && MEDIA_TRANSFER.typeByExtension[extension as keyof typeof MEDIA_TRANSFER.typeByExtension];
  return type && type !== MEDIA_TRANSFER.defaultContentType ? { text: `'${type}'` } : undefined;
}

/** The `video` part's options or file name, wherever the request builds the part. */
function partOptions(request: TikTokRequest, context: CodemodContext): Node | undefined {
  const attached = chainedVideoPart(request);
  if (attached) return attached.options;
  for (const body of requestBodies(request, context.index)) {
    const part = videoPartOf(body, context);
    if (part) return part.options;
  }
  return undefined;
}

/** A name or a chain of property reads (`file.mimetype`, `upload.meta?.type`): nothing runs. */
function readsOnly(node: Node): boolean {
  if (isIdentifier(node) || node.type === 'ThisExpression') return true;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && memberName(node) !== undefined)
    return readsOnly(unwrap(node.object));
  return false;
}
