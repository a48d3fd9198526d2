import { ANALYSIS_MARKERS } from '../detect/migration-todos.js';

const MARKERS = ANALYSIS_MARKERS.map((marker) => Buffer.from(marker));

/**
 * The cheap test every file goes through: can these bytes hold anything legacy? Most files cannot,
 * and they are never decoded or parsed.
 */
export function mayContainLegacy(bytes: Buffer): boolean {
  return MARKERS.some((marker) => bytes.includes(marker));
}

/** Whether a file holds any of a set of names (the exports of modules that hold legacy URLs). */
export function mentionsAny(bytes: Buffer, names: readonly string[]): boolean {
  return names.some((name) => bytes.includes(name));
}
