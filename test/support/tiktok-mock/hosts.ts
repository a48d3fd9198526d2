import { CONTENT_POSTING_HOSTS, LEGACY_API_HOSTS, MEDIA_TRANSFER_HOST } from '../../../src/contract/index.js';

/** The three hostnames the mock answers for, by role (§2.1, §3.1, §4.1). */
export const MOCK_HOSTS = {
  legacy: LEGACY_API_HOSTS[0],
  contentPosting: CONTENT_POSTING_HOSTS[0],
  upload: MEDIA_TRANSFER_HOST,
} as const;

export type MockHostRole = keyof typeof MOCK_HOSTS;

export const MOCK_HOSTNAMES: readonly string[] = Object.values(MOCK_HOSTS);

/** The role of a request's Host header, or undefined for a name the mock does not serve. */
export function roleOfHost(hostHeader: string | undefined): MockHostRole | undefined {
  if (!hostHeader) return undefined;
  // Host may carry the port (":443" from clients that always write it) and a trailing dot.
  const name = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  for (const [role, host] of Object.entries(MOCK_HOSTS)) if (host === name) return role as MockHostRole;
  return undefined;
}
