import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';

/**
 * Short strings at least one of which is inside almost every marker, chosen for a first byte that
 * is rare in source code: a search runs memchr for the first byte and compares from each hit, so
 * `ktok` (k) costs a third of `tiktok` (t, every few bytes of code). Only the anchors are searched
 * through a whole file; a marker is compared at each place its anchor occurs, and a file where no
 * anchor occurs (nearly all of them) costs three passes over its bytes, whatever the markers.
 */
const ANCHOR_CANDIDATES = ['ktok', 'hare', 'video.'];

export type ByteTest = (bytes: Buffer) => boolean;

interface HeldMarker {
  readonly bytes: Buffer;
  /** Where the anchor starts inside the marker. */
  readonly anchorAt: number;
}

interface AnchorGroup {
  readonly anchor: Buffer;
  readonly markers: readonly HeldMarker[];
}

function holdsAt(bytes: Buffer, marker: Buffer, start: number): boolean {
  return start >= 0 && start + marker.length <= bytes.length && bytes.compare(marker, 0, marker.length, start, start + marker.length) === 0;
}

function groupHolds(bytes: Buffer, { anchor, markers }: AnchorGroup): boolean {
  for (let at = bytes.indexOf(anchor); at !== -1; at = bytes.indexOf(anchor, at + 1)) {
    if (markers.some((marker) => holdsAt(bytes, marker.bytes, at - marker.anchorAt))) return true;
  }
  return false;
}

/**
 * A test for "holds at least one of `markers`", exact: each marker goes to the first anchor it
 * holds, and a marker that holds none is the anchor of a group of its own, so a new marker in the
 * contract can never be missed.
 */
export function createMarkerTest(markers: readonly string[]): ByteTest {
  const groups = new Map<string, HeldMarker[]>();
  for (const marker of markers) {
    const anchor = ANCHOR_CANDIDATES.find((candidate) => marker.includes(candidate)) ?? marker;
    const held = groups.get(anchor) ?? [];
    held.push({ bytes: Buffer.from(marker), anchorAt: marker.indexOf(anchor) });
    groups.set(anchor, held);
  }
  const tests: AnchorGroup[] = [...groups].map(([anchor, held]) => ({ anchor: Buffer.from(anchor), markers: held }));
  return (bytes) => tests.some((group) => groupHolds(bytes, group));
}

/**
 * The cheap test every file goes through: can these bytes hold anything legacy? Most files cannot,
 * and they are never decoded or parsed.
 */
export const mayContainLegacy: ByteTest = createMarkerTest(ANALYSIS_MARKERS);
