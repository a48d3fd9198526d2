/**
 * A module that says it serves TikTok's Share Kit (the mobile OpenSDK) may still receive `video.*`
 * webhook events after the move to the Content Posting API (API-CONTRACT §6.6): its handlers get the
 * new events beside the old ones, as with `--keep-legacy-events`, never in place of them. "Video Kit"
 * alone is not such a sign: Video Kit for Web is the Share Video API this tool migrates away from.
 */
const OTHER_KITS = /\bshare[\s_-]?kit\b|\bopen[\s_-]?sdk\b/i;

/** The module's own setting: the run's `keepLegacyEvents`, or what the module says it serves. */
export function keepsLegacyEvents(text: string, keepLegacyEvents: boolean | undefined): boolean {
  return (keepLegacyEvents ?? false) || OTHER_KITS.test(text);
}
