import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, findProperty, isCall, staticString, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import { handBuiltMultipart, type HandBuiltPart } from './hand-built-multipart.js';
import { formFieldCalls, requestBodies, type TikTokRequest } from './requests.js';
import type { ValueFolder } from './static-value.js';
import { foldedText } from './folded.js';

const FIELD = LEGACY_UPLOAD.videoField;
/** Where the field is the legacy `video` itself. */
const VIDEO = { name: FIELD };

/**
 * The multipart `video` field of bodies sent to the legacy upload: `form.append('video', …)` on a
 * FormData or form-data object the request sends, superagent's `.attach('video', …)`, request's
 * `formData: { video }`, and the file part of a multipart body written out by hand (whatever its name).
 */
export function findFormDataVideo(index: ModuleIndex, folder: ValueFolder, requests: readonly TikTokRequest[]): RawFinding[] {
  // The `video` field at its node; a hand-built part under its own name, at its header.
  const sites = new Map<Node, Pick<HandBuiltPart, 'name'> & Partial<HandBuiltPart>>();
  for (const request of requests) {
    if (request.match.kind !== 'legacy-upload') continue;
    for (const part of handBuiltMultipart(request, index) ?? []) if (part.file) sites.set(part.node, part);
    for (const chained of request.chain) {
      if ((calleeName(chained) === 'attach' || calleeName(chained) === 'field') && namesVideo(folder, chained.arguments[0]))
        sites.set(unwrap(chained.callee).property, VIDEO);
    }
    for (const body of requestBodies(request, index)) {
      const object = folder.objectOf(body);
      const property = object && findProperty(object, FIELD);
      if (property) sites.set(property.key, VIDEO);
      const variable = unwrap(body);
      // `body: new FormData().append('video', clip)`: the field, though append() hands back undefined.
      if (videoAppendedAsBody(variable)) sites.set(variable, VIDEO);
      for (const append of formFieldCalls(variable, index)) {
        if (namesVideo(folder, append.arguments[0])) sites.set(append, VIDEO);
      }
    }
  }
  return [...sites].map(([node, { name, range }]) => ({
    ruleId: 'no-form-data-video-upload',
    messageId: 'formField',
    node,
    ...(range ? { range } : {}),
    data: { field: name, hint: CODEMOD_HINT },
  }));
}

/** `'video'`, or a constant that holds it (`FORM_KEYS.VIDEO`, imported or the module's own). */
export function namesVideo(folder: ValueFolder, name: Node | undefined): boolean {
  if (!name) return false;
  const written = staticString(unwrap(name));
  return written !== undefined ? written === FIELD : foldedText(folder.fold(name)) === FIELD;
}

/** The video of `new FormData().append('video', x)` handed over as the body itself. */
export function videoAppendedAsBody(body: Node): Node | undefined {
  const call = unwrap(body);
  if (!isCall(call) || calleeName(call) !== 'append') return undefined;
  const [name, value] = call.arguments as Node[];
  return name && staticString(unwrap(name)) === FIELD ? value : undefined;
}
