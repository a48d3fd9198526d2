import type { Node } from './ast.js';
import { findPostLinksFromPublishId } from './post-link.js';
import { markDeclinedSites } from './declined-sites.js';
import { findEndpoints, findUrlCompositions } from './endpoints.js';
import { keepsLegacyEvents } from './other-kits.js';
import { findFormDataVideo } from './form-data-video.js';
import { findFormsToUploadUrl } from './form-to-upload-url.js';
import { findUploadPutStatusTests } from './upload-put-status.js';
import { findLegacyBaseUrls } from './legacy-base-url.js';
import { findLegacyTypeFields } from './legacy-types.js';
import { findMigrationTodos } from './migration-todos.js';
import { ModuleIndex } from './module-index.js';
import { OwnershipResolver } from './ownership.js';
import { findQueryTokens } from './query-tokens.js';
import { findRequestRecords } from './request-records.js';
import type { RawFinding } from './raw-finding.js';
import { basesOfHandedInConfigs, findTikTokRequests } from './requests.js';
import { findResponseFields } from './response-fields.js';
import { unseenHostUploadCalls } from './unseen-host-uploads.js';
import { importedAnswerCalls } from './imported-answers.js';
import { ValueFolder, type ImportResolver } from './static-value.js';
import { findLegacyEvents } from './webhook-events.js';
import { findUnparsedWebhookContent, handlesPostEvents } from './unparsed-webhook-content.js';
import { findContentFieldsOffEnvelope } from './content-field-off-envelope.js';
import { findMadeUpSignatureHeaders, readsTikTokSignatureHeader } from './webhook-signature-header.js';
import { findOtherEventKeys } from './webhook-event-key.js';
import { findV2InitErrorTruthTests } from './v2-init-answer-tests.js';
import { findImaginedContentTypes } from './imagined-content-types.js';
import { findV1AnswerFields } from './v1-answer-fields.js';
import { findV1AnswerTypes } from './v1-answer-types.js';
import { findTokenFieldsInQuery } from './token-fields-in-query.js';
import { findV2TokenAnswerReads } from './v2-token-answer-reads.js';
import { findV2TokenJsonBodies } from './v2-token-json-body.js';
import { findV2UserInfoWithoutFields } from './v2-user-info-no-fields.js';
import { findV2DisplayCallsWithWrongMethod } from './v2-display-method.js';

/**
 * A step of an upload to TikTok, on either host and whatever the path says (`/v2/post/publish/video/init/`
 * on the retired host, an imagined `/video/upload/init/`): the module uploads to TikTok, so a form it
 * sends to an `upload_url` is the one the init answered.
 */
const UPLOAD_STEP_PATH = /\/(?:post\/publish|video\/upload|share\/video)\//i;

export interface AnalysisOptions {
  /** What other modules export, for URLs built from imported constants. */
  readonly resolveImport?: ImportResolver;
  /**
   * A team that still receives Video Kit events keeps the legacy names beside the new ones
   * (API-CONTRACT §6.6): a legacy event with its new twin beside it is then no finding.
   */
  readonly keepLegacyEvents?: boolean;
}

export interface ModuleAnalysis {
  readonly index: ModuleIndex;
  readonly folder: ValueFolder;
  readonly findings: RawFinding[];
}

/** Runs every detector over one parsed module (a Babel or an ESTree AST). */
export function analyzeModule(ast: Node, text: string, file: string, options: AnalysisOptions = {}): ModuleAnalysis {
  const index = ModuleIndex.of(ast, text);
  const folder = new ValueFolder(index, options.resolveImport);
  const owners = new OwnershipResolver(index, file);
  const requests = findTikTokRequests(index, folder);
  const compositions = findUrlCompositions(index, folder);
  const keep = keepsLegacyEvents(text, options.keepLegacyEvents);
  const records = findRequestRecords(index, folder);
  const endpoints = findEndpoints(index, folder, requests, compositions);
  // The upload's own path: another path on that base (`/share/video/detail/`, `/user/info/`) answers
  // what it answers, not the upload's `share_id`.
  const unseenHostPaths = endpoints
    .filter(
      (finding) =>
        finding.ruleId === 'no-legacy-share-endpoint' && ['relative', 'relativeFromUrl', 'relativePublishStep'].includes(finding.messageId),
    )
    .map((finding) => finding.node!);
  const fields = findResponseFields(
    index,
    requests,
    owners,
    keep,
    records,
    importedAnswerCalls(index, folder).map(({ call }) => call),
    unseenHostUploadCalls(index, unseenHostPaths),
    unseenHostUploadCalls(
      index,
      endpoints.filter((finding) => finding.messageId === 'relativePublishStep').map((finding) => finding.node!),
    ),
    unseenHostUploadCalls(
      index,
      endpoints
        .filter((finding) => finding.ruleId === 'no-unmapped-legacy-endpoint' && finding.messageId === 'relative')
        .map((finding) => finding.node!),
    ),
  );
  const events = findLegacyEvents(index, owners, keep);
  const uploads =
    endpoints.some((finding) => finding.ruleId === 'no-legacy-share-endpoint') ||
    requests.some((request) => UPLOAD_STEP_PATH.test(request.match.path));
  const found = [
    ...endpoints,
    ...findLegacyBaseUrls(index, folder, requests, basesOfHandedInConfigs(index, folder)),
    ...findQueryTokens(index, folder, requests, compositions, records),
    ...findFormDataVideo(index, folder, requests),
    ...findFormsToUploadUrl(index, uploads),
    ...findUploadPutStatusTests(index, uploads),
    ...events,
    // A handler of TikTok's post events, legacy or new (the one the codemod leaves keeps its finding).
    ...(events.length > 0 || handlesPostEvents(index) || readsTikTokSignatureHeader(index)
      ? [
          ...findUnparsedWebhookContent(index, owners),
          ...findContentFieldsOffEnvelope(index, owners),
          ...findImaginedContentTypes(index, owners),
          ...findMadeUpSignatureHeaders(index, owners),
          ...findOtherEventKeys(index, owners),
        ]
      : []),
    ...fields.findings,
    ...findV1AnswerFields(index, requests, records, folder),
    ...findV1AnswerTypes(index, requests),
    ...findV2TokenAnswerReads(index, requests),
    ...findV2InitErrorTruthTests(index, requests),
    ...findV2TokenJsonBodies(requests),
    ...findV2UserInfoWithoutFields(requests),
    ...findV2DisplayCallsWithWrongMethod(requests),
    ...findTokenFieldsInQuery(index, folder, owners, requests),
    ...findLegacyTypeFields(index, fields.flows),
    ...findMigrationTodos(index),
    ...findPostLinksFromPublishId(index, text),
  ];
  // A site under the codemod's own TODO is the person's now: its findings say so.
  const findings = markDeclinedSites(found, index, text);
  return { index, folder, findings };
}
