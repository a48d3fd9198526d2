import { LEGACY_EVENT_NAMES, LEGACY_EVENT_RENAMES, namedEventFor } from '../../src/contract/index.js';
import type { Node } from '../../src/detect/ast.js';
import { hasNewTwin } from '../../src/detect/event-twin.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { toldApartFromTwin } from './told-apart-from-twin.js';
import { renameEventSite } from './rename-event-site.js';

export type NamedEventRename = { readonly event: string } | { readonly reason: string };

/**
 * `case 'video.publish.failed':` in a TikTok handler: a name TikTok never sent, that names the
 * Content Posting event the code waited for (`namedEventFor`). It becomes that event, as the legacy
 * names do, so the code under it runs at last. Not where the module handles that event already, or
 * a legacy name of it, in the same list or function: renamed, one delivery would take two handlings,
 * so a person merges them. Undefined when the name names no event.
 */
export function renameNeverSentToNamedEvent(context: CodemodContext, literal: Node, name: string): NamedEventRename | undefined {
  const event = namedEventFor(name);
  if (!event) return undefined;
  const twins = [event, ...LEGACY_EVENT_NAMES.filter((legacy) => LEGACY_EVENT_RENAMES[legacy] === event)];
  const other = twinBeside(context, literal, twins);
  if (other !== undefined) {
    const as = other === event ? '' : ` as '${other}' (its legacy name)`;
    return {
      reason: `TikTok never sends '${name}', so this code never runs; it names '${event}', which this module handles elsewhere${as}: move what this code does there, or delete it`,
    };
  }
  const reason = renameEventSite(context, literal, event);
  return reason ? { reason } : { event };
}

/**
 * A name of the same event beside the literal (the list it stands in, its `||` chain: as read, or as
 * this run renamed it already), or tested in another condition of the same function.
 */
function twinBeside(context: CodemodContext, literal: Node, twins: readonly string[]): string | undefined {
  return (
    twins.find((twin) => hasNewTwin(context.index, literal, twin)) ??
    twins.find((twin) => toldApartFromTwin(context, literal, '', twin) !== undefined)
  );
}
