import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/** The first Node with `fs.openAsBlob`, which a migrated upload reads a video file with. */
const OPEN_AS_BLOB_SINCE = '19.8.0';

/**
 * Which of these modules belong to a package whose `engines.node` admits a Node older than 19.8 (a
 * Firebase or Lambda project pinned to Node 18, say): there a migrated upload reads a video file into
 * bytes, as `fs.openAsBlob` is missing. The nearest package.json above each module decides; a module
 * with none, or a range semver cannot read, keeps the Blob.
 */
export function modulesOnNodeWithoutOpenAsBlob(
  files: readonly string[],
  read: (file: string) => string | undefined = readIfThere,
): Set<string> {
  const byFolder = new Map<string, boolean>();
  const older = (folder: string): boolean => {
    const known = byFolder.get(folder);
    if (known !== undefined) return known;
    const range = nodeRangeIn(read(path.join(folder, 'package.json')));
    const parent = path.dirname(folder);
    const answer = range === null ? parent !== folder && older(parent) : admitsOlderNode(range);
    byFolder.set(folder, answer);
    return answer;
  };
  return new Set(files.filter((file) => older(path.dirname(file))));
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The package's `engines.node` (undefined when it names none), or null when there is no package.json. */
function nodeRangeIn(text: string | undefined): string | undefined | null {
  if (text === undefined) return null;
  try {
    const engines = (JSON.parse(text) as { engines?: { node?: unknown } }).engines;
    return typeof engines?.node === 'string' ? engines.node : undefined;
  } catch {
    return undefined;
  }
}

function admitsOlderNode(range: string | undefined): boolean {
  const lowest = range === undefined || semver.validRange(range) === null ? null : semver.minVersion(range);
  return lowest !== null && semver.lt(lowest, OPEN_AS_BLOB_SINCE);
}
