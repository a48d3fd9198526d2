/**
 * A mock of TikTok's retired Share Video API and of the Content Posting API inbox flow, faithful to
 * ../../../../shared/API-CONTRACT.md, for behaviour tests that run real programs before and after
 * migration. Start with startTikTokMock(); see README.md beside this file.
 */
export { startTikTokMock, LOOPBACK_DNS_PATH, type TikTokMock } from './server.js';
export {
  DEFAULT_OAUTH,
  DEFAULT_USERS,
  DEFAULT_VERIFIED_URL_PREFIXES,
  type MockUser,
  type TikTokMockOptions,
  type UploadFault,
  type WebhookTarget,
} from './options.js';
export type { ChunkRecord, LegacyUploadRecord, MockState, PublishTask, RequestRecord } from './state.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export { chunkPlanViolations, chunkRanges, type ChunkRange } from './chunk-rules.js';
export { mockRequest, type MockRequestInit, type MockResponse } from './request.js';
export { runNodeProgram, type ProgramResult, type RunProgramOptions } from './run-program.js';
export {
  EXAMPLE_SENDER,
  TEST_RETRY_POLICY,
  buildEnvelope,
  sendWebhook,
  signWebhook,
  verifyWebhookSignature,
  webhookEvents,
  type RetryPolicy,
  type SendWebhookOptions,
  type WebhookDelivery,
  type WebhookEnvelope,
  type WebhookEvent,
} from './webhook-sender.js';
export { MOCK_HOSTNAMES, MOCK_HOSTS } from './hosts.js';
export { videosOf } from './video-list.js';
export { HOSTS_ENV, createLookup, installLoopbackDns, uninstallLoopbackDns } from './loopback-dns.mjs';
export type { Lifecycle } from './lifecycle.js';
