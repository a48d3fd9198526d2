import { LEGACY_EVENT_RENAMES, type LegacyEventName } from '../contract/index.js';
import { staticString, type Node } from './ast.js';
import { hasNewTwin, isLookupEntry } from './event-twin.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';

/**
 * Legacy event names in any string position: comparisons, `case` labels, object keys, maps, arrays,
 * Sets, enums and literal types. TikTok's are errors; ones whose owner cannot be told are warnings;
 * ones in code that names another service (Bunny Stream, Vimeo, …) are not TikTok's and not reported.
 */
export function findLegacyEvents(index: ModuleIndex, owners: OwnershipResolver, keepLegacyEvents: boolean): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of ['StringLiteral', 'Literal', 'TemplateLiteral'].flatMap((t) => [...index.ofType(t)])) {
    const value = staticString(node);
    if (value === undefined || !Object.hasOwn(LEGACY_EVENT_RENAMES, value)) continue;
    const owner = owners.ownerOf(node);
    if (owner === 'other') continue;
    if ((keepLegacyEvents || isLookupEntry(index, node)) && hasNewTwin(index, node, LEGACY_EVENT_RENAMES[value as LegacyEventName]))
      continue;
    findings.push(eventFinding(node, value as LegacyEventName, owner === 'tiktok'));
  }
  return findings;
}

function eventFinding(node: Node, legacy: LegacyEventName, isTikTok: boolean): RawFinding {
  const data = { legacy, replacement: LEGACY_EVENT_RENAMES[legacy] };
  return isTikTok
    ? { ruleId: 'no-legacy-webhook-event', messageId: 'rename', node, data }
    : { ruleId: 'no-legacy-webhook-event', messageId: 'ambiguous', node, data, severity: 'warning' };
}
