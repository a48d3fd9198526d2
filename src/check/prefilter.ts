import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';

/**
 * Short strings at least one of which is inside almost every marker. Searching a file for three of
 * them, then for the full markers only on a hit, costs a third of searching it for every marker:
 * each search pays for its own pass over the bytes.
 */
const ANCHOR_CANDIDATES = ['tiktok', 'share', 'video.'];

export type ByteTest = (bytes: Buffer) => boolean;

/**
 * A test for "holds at least one of `markers`", exact: a marker that contains none of the anchors
 * becomes an anchor of its own, so a new marker in the contract can never be missed.
 */
export function createMarkerTest(markers: readonly string[]): ByteTest {
  const full = markers.map((marker) => Buffer.from(marker));
  const anchors = [
    ...ANCHOR_CANDIDATES.filter((anchor) => markers.some((marker) => marker.includes(anchor))),
    ...markers.filter((marker) => !ANCHOR_CANDIDATES.some((anchor) => marker.includes(anchor))),
  ].map((anchor) => Buffer.from(anchor));
  if (markers.length <= anchors.length) return (bytes) => full.some((marker) => bytes.includes(marker));
  return (bytes) => anchors.some((anchor) => bytes.includes(anchor)) && full.some((marker) => bytes.includes(marker));
}

/**
 * The cheap test every file goes through: can these bytes hold anything legacy? Most files cannot,
 * and they are never decoded or parsed.
 */
export const mayContainLegacy: ByteTest = createMarkerTest(ANALYSIS_MARKERS);
