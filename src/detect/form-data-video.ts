import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, findProperty, isCall, staticString, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import { formFieldCalls, requestBodies, type TikTokRequest } from './requests.js';
import type { ValueFolder } from './static-value.js';

const FIELD = LEGACY_UPLOAD.videoField;

/**
 * The multipart `video` field of bodies sent to the legacy upload: `form.append('video', …)` on a
 * FormData or form-data object the request sends, superagent's `.attach('video', …)`, request's
 * `formData: { video }`.
 */
export function findFormDataVideo(index: ModuleIndex, folder: ValueFolder, requests: readonly TikTokRequest[]): RawFinding[] {
  const sites = new Set<Node>();
  for (const request of requests) {
    if (request.match.kind !== 'legacy-upload') continue;
    for (const chained of request.chain) {
      if (
        (calleeName(chained) === 'attach' || calleeName(chained) === 'field') &&
        staticString(unwrap(chained.arguments[0] ?? { type: 'x' })) === FIELD
      )
        sites.add(unwrap(chained.callee).property);
    }
    for (const body of requestBodies(request, index)) {
      const object = folder.objectOf(body);
      const property = object && findProperty(object, FIELD);
      if (property) sites.add(property.key);
      const variable = unwrap(body);
      // `body: new FormData().append('video', clip)`: the field, though append() hands back undefined.
      if (videoAppendedAsBody(variable)) sites.add(variable);
      for (const append of formFieldCalls(variable, index)) {
        if (staticString(unwrap(append.arguments[0] ?? { type: 'x' })) === FIELD) sites.add(append);
      }
    }
  }
  return [...sites].map((node) => ({
    ruleId: 'no-form-data-video-upload',
    messageId: 'formField',
    node,
    data: { field: FIELD, hint: CODEMOD_HINT },
  }));
}

/** The video of `new FormData().append('video', x)` handed over as the body itself. */
export function videoAppendedAsBody(body: Node): Node | undefined {
  const call = unwrap(body);
  if (!isCall(call) || calleeName(call) !== 'append') return undefined;
  const [name, value] = call.arguments as Node[];
  return name && staticString(unwrap(name)) === FIELD ? value : undefined;
}
