import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, findProperty, staticString, unwrap, type Node } from '../detect/ast.js';
import { formFieldCalls, type TikTokRequest } from '../detect/requests.js';
import { namesVideo } from '../detect/form-data-video.js';
import type { CodemodContext } from './context.js';

const FIELD = LEGACY_UPLOAD.videoField;

/**
 * The `video` part of a legacy multipart upload: what it sends (`value`), and its options or file
 * name (`options`, the third argument of `form.append` and of superagent's `.attach`, request's
 * `formData.video.options`). `property` is the body's own `video` key when the body is an object
 * literal (`{ video: stream }`, request's `formData`), whose value may be a URL rather than a part.
 */
export interface VideoPart {
  readonly value: Node | undefined;
  readonly options: Node | undefined;
  readonly property?: Node;
}

/** superagent's `.attach('video', path, options)` in the request's chain. */
export function chainedVideoPart(request: TikTokRequest): VideoPart | undefined {
  const attach = request.chain.find((chained) => calleeName(chained) === 'attach' && staticString(chained.arguments[0]) === FIELD);
  return attach && { value: attach.arguments[1], options: attach.arguments[2] };
}

/** The part in one body of the request: its `video` key, or a `form.append('video', …)` that builds it. */
export function videoPartOf(body: Node, context: CodemodContext): VideoPart | undefined {
  const object = context.folder.objectOf(body);
  const property = object && findProperty(object, FIELD);
  if (property) {
    // request's `formData: { video: { value, options: { filename, contentType } } }`.
    const part = context.folder.objectOf(property.value);
    const value = part && findProperty(part, 'value');
    return value
      ? { value: value.value, options: findProperty(part, 'options')?.value, property }
      : { value: property.value, options: undefined, property };
  }
  const append = formFieldCalls(unwrap(body), context.index).find((call) => namesVideo(context.folder, call.arguments[0]));
  return append && { value: append.arguments[1], options: append.arguments[2] };
}
