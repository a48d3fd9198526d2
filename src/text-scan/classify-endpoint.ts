import { INBOX_VIDEO_INIT, LEGACY_UPLOAD, withoutSuccessorAdvice } from '../contract/index.js';
import { classifyUrl, imaginedStepAdvice, successorOf, v2Advice } from '../detect/classify-url.js';
import type { RuleId } from '../detect/rule-catalog.js';

export interface EndpointVerdict {
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
}

/** A path as a message shows it: bounded, since a line can hold anything. */
function shown(path: string): string {
  return path.length > 100 ? `${path.slice(0, 99)}…` : path;
}

/**
 * The text rule for a host and path (no query, slashes unescaped), judged by the same classifier as
 * the JS/TS detectors. The host alone, a base URL, is nothing by itself.
 */
export function classifyEndpoint(host: string, path: string): EndpointVerdict | undefined {
  const match = classifyUrl(`https://${host}${path}`);
  switch (match?.kind) {
    case 'legacy-upload':
      return {
        ruleId: 'text/legacy-share-endpoint',
        messageId: 'url',
        data: { legacy: `Share Video upload endpoint ${LEGACY_UPLOAD.method} ${LEGACY_UPLOAD.url}`, replacement: INBOX_VIDEO_INIT.url },
      };
    case 'v1-endpoint':
      return {
        ruleId: 'text/v1-oauth-endpoint',
        messageId: 'url',
        data: { legacy: `https://${match.v1!.host}${match.v1!.path}`, purpose: match.v1!.purpose, replacement: match.v1!.replacement },
      };
    case 'legacy-unmapped': {
      const successor = successorOf(match.path);
      if (successor) return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'successor', data: { legacy: shown(path), successor } };
      const advice = imaginedStepAdvice(match.path);
      if (advice) return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'imaginedStep', data: { legacy: shown(path), advice } };
      const gone = withoutSuccessorAdvice(match.path);
      if (gone)
        return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'withoutSuccessor', data: { legacy: shown(path), advice: gone } };
      return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'url', data: { legacy: shown(path) } };
    }
    case 'legacy-dynamic':
      return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'url', data: { legacy: shown(path) } };
    case 'v2-path-on-legacy-host':
      return {
        ruleId: 'text/unmapped-legacy-endpoint',
        messageId: 'v2PathOnLegacyHost',
        data: { legacy: shown(path), advice: v2Advice(match.path) },
      };
    default:
      return undefined;
  }
}
