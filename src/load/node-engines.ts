import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/** The first Node with `fs.openAsBlob`, which a migrated upload reads a video file with. */
const OPEN_AS_BLOB_SINCE = '19.8.0';

/**
 * Which of these modules belong to a package whose `engines.node` admits a Node older than 19.8 (a
 * Firebase or Lambda project pinned to Node 18, say): there a migrated upload reads a video file into
 * bytes, as `fs.openAsBlob` is missing. The nearest package.json above each module decides; with no
 * `engines`, the Node its folder pins (`.nvmrc`, `.node-version`) or the `@types/node` it compiles
 * against (older than 20 does not declare `openAsBlob`) decide. A module with none of these, or a
 * range semver cannot read, keeps the Blob.
 */
export function modulesOnNodeWithoutOpenAsBlob(
  files: readonly string[],
  read: (file: string) => string | undefined = readIfThere,
): Set<string> {
  const byFolder = new Map<string, boolean>();
  const older = (folder: string): boolean => {
    const known = byFolder.get(folder);
    if (known !== undefined) return known;
    const range = nodeRangeIn(read(path.join(folder, 'package.json')), () => pinnedNode(folder, read));
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

/**
 * The package's `engines.node`, else its folder's pinned Node, else a range standing for the
 * `@types/node` it declares (undefined when none says), or null when there is no package.json.
 */
function nodeRangeIn(text: string | undefined, pinned: () => string | undefined): string | undefined | null {
  if (text === undefined) return null;
  try {
    const manifest = JSON.parse(text) as {
      engines?: { node?: unknown };
      dependencies?: Record<string, unknown>;
      devDependencies?: Record<string, unknown>;
    };
    if (typeof manifest.engines?.node === 'string') return manifest.engines.node;
    const types = manifest.devDependencies?.['@types/node'] ?? manifest.dependencies?.['@types/node'];
    const lowest = typeof types === 'string' && semver.validRange(types) !== null ? semver.minVersion(types) : null;
    // `@types/node` 18.x compiles a program for Node 18, whose `fs` has no `openAsBlob`.
    return pinned() ?? (lowest !== null && lowest.major < TYPES_WITH_OPEN_AS_BLOB ? `${lowest.major}` : undefined);
  } catch {
    return undefined;
  }
}

/** The first major of `@types/node` that declares `fs.openAsBlob`. */
const TYPES_WITH_OPEN_AS_BLOB = 20;

/** `.nvmrc` or `.node-version` beside the package.json: `18`, `v18.17.0` (an alias such as `lts/*` says nothing). */
function pinnedNode(folder: string, read: (file: string) => string | undefined): string | undefined {
  for (const name of ['.nvmrc', '.node-version']) {
    const version = /^\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(read(path.join(folder, name)) ?? '')?.[1];
    if (version) return version;
  }
  return undefined;
}

function admitsOlderNode(range: string | undefined): boolean {
  const lowest = range === undefined || semver.validRange(range) === null ? null : semver.minVersion(range);
  return lowest !== null && semver.lt(lowest, OPEN_AS_BLOB_SINCE);
}
