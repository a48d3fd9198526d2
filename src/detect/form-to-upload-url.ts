import { LEGACY_UPLOAD } from '../contract/index.js';
import { calleeName, isCall, isMember, keyName, memberName, staticString, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { formFieldCalls } from './requests.js';

/** TikTok's name for where the bytes go after the init (§3.3). */
const UPLOAD_URL = 'upload_url';
const UPLOAD_URL_NAME = /^upload_?url$/i;

/**
 * `form.append('video', file)` then `fetch(init.data.upload_url, { method: 'PUT', body: form })`, in a
 * module that uploads to TikTok: code half moved to the Content Posting flow, which sends the form the
 * Share Video upload took to the upload URL the init answers. That URL takes the file's bytes in a
 * PUT, with Content-Type and Content-Range (§4.1), not a form: the upload fails. Reported at the
 * field, where the form is built; only where the module has an upload to TikTok in sight (`uploads`).
 */
export function findFormsToUploadUrl(index: ModuleIndex, uploads: boolean): RawFinding[] {
  if (!uploads) return [];
  const findings: RawFinding[] = [];
  for (const form of index.ofType('NewExpression')) {
    if (unwrap(form.callee).type !== 'Identifier' || unwrap(form.callee).name !== 'FormData') continue;
    const declarator = index.parent(form);
    if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') continue;
    const binding = index.resolve(declarator.id);
    if (!binding) continue;
    const video = formFieldCalls(declarator.id, index).find(
      (call) => staticString(unwrap(call.arguments[0] ?? { type: 'x' })) === LEGACY_UPLOAD.videoField,
    );
    if (!video) continue;
    const sent = index.referencesOf(binding).some((reference) => sentToUploadUrl(index, reference));
    if (sent)
      findings.push({
        ruleId: 'no-form-data-video-upload',
        messageId: 'formToUploadUrl',
        node: video,
        data: { field: LEGACY_UPLOAD.videoField },
      });
  }
  return findings;
}

/** Whether a reference to the form is the body of a call whose URL is TikTok's upload URL. */
function sentToUploadUrl(index: ModuleIndex, reference: Node): boolean {
  let holder = index.parent(reference);
  // `{ method: 'PUT', body: form }`: the options object of the call.
  if (holder && (holder.type === 'ObjectProperty' || holder.type === 'Property') && holder.value === reference) {
    if (!['body', 'data'].includes(keyName(holder) ?? '')) return false;
    holder = index.parent(index.parent(holder) ?? holder);
  }
  if (!holder || !isCall(holder)) return false;
  const url = holder.arguments[0] as Node | undefined;
  // `axios.put(url, form)` and `fetch(url, { body: form })` alike take the URL first.
  return !!url && url !== reference && isUploadUrl(index, url) && calleeName(holder) !== 'append';
}

/** `init.data.upload_url`, or a name given to it (`const { upload_url } = …`, `const uploadUrl = ….upload_url`). */
export function isUploadUrl(index: ModuleIndex, node: Node): boolean {
  const value = unwrap(node);
  if (isMember(value)) return memberName(value) === UPLOAD_URL;
  if (value.type !== 'Identifier') return false;
  const binding = index.resolve(value);
  // `uploadFile(uploadUrl, file)`: a parameter named for it, in a module that uploads to TikTok (a
  // name given a value in sight, YouTube's `location` header say, is judged by that value).
  if (binding?.kind === 'param') return UPLOAD_URL_NAME.test(value.name as string);
  if (!binding?.init) return false;
  if (binding.path.length > 0) return binding.path.at(-1) === UPLOAD_URL;
  const init = unwrap(binding.init);
  return isMember(init) && memberName(init) === UPLOAD_URL;
}
