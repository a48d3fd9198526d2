import type { API, FileInfo } from 'jscodeshift';
import type { CodemodContext } from '../../src/codemod/context.js';
import { runTransformsAlone } from '../../src/codemod/run-alone.js';
import type { LegacyResponseField } from '../../src/contract/index.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { rewriteDestructuredField } from './rewrite-destructured-field.js';
import { rewriteFieldRead } from './rewrite-field-read.js';
import { rewriteTypeField } from './rewrite-type-field.js';

/**
 * Reads of the legacy response downstream of a rewritten upload follow the Content Posting shape:
 * `share_id` → `publish_id`, `err_code` → `error.code` ("ok" on success), `error_msg` →
 * `error.message`; so do the types that describe that response. Only where every legacy upload of
 * the module was rewritten: otherwise the old response is still what arrives.
 */
export function renameResponseFields(context: CodemodContext): void {
  const uploadsLeft = context.unhandled((f) => f.ruleId === 'no-legacy-share-endpoint' || f.ruleId === 'no-unmapped-legacy-endpoint');
  const fields = context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId !== 'webhookField');
  // Type members are removed from the end so that earlier paths stay valid.
  for (const finding of fields.reverse()) {
    if (uploadsLeft.length > 0) {
      context.defer(finding, `\`${finding.data.legacy}\` comes from a request that is not migrated yet: migrate the upload, then read ${finding.data.replacement}`);
      continue;
    }
    const reason = rewrite(context, finding);
    if (reason) context.defer(finding, reason);
    else context.record(finding, 'rewritten');
  }
}

/**
 * `data.error_msg ?? extra.error_detail` both become `error.message`, and a half-migrated
 * `content.publish_id ?? content.share_id` reads `publish_id` twice: a fallback to itself says
 * nothing, so it goes.
 */
export function collapseTwinFallbacks(context: CodemodContext): void {
  const { j } = context;
  context.root
    .find(j.LogicalExpression)
    .filter((path) => ['??', '||'].includes(path.node.operator))
    .filter((path) => {
      const left = j(path.node.left).toSource();
      // Only what the rewrite can have made: a read of the new fields.
      return left === j(path.node.right).toSource() && /\b(publish_id|error\.(code|message|log_id))$/.test(left);
    })
    .forEach((path) => path.replace(path.node.left));
}

function rewrite(context: CodemodContext, finding: RawFinding): string | undefined {
  const node = finding.node!;
  const parent = context.index.parent(node)!;
  const field = finding.data.legacy as LegacyResponseField;
  if (finding.messageId === 'typeField') return rewriteTypeField(context, parent, field);
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') return rewriteFieldRead(context, node, field);
  return rewriteDestructuredField(context, node, field);
}

/** `npx jscodeshift -t transforms/rename-response-fields/index.ts <files>` runs this step alone. */
export default function transformer(file: FileInfo, api: API): string {
  void api;
  return runTransformsAlone(file, [renameResponseFields]);
}
