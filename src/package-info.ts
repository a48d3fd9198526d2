import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly version: string;
  readonly homepage: string;
}

const NAME = 'migrate-share-video';

/**
 * This package's own package.json, found by walking up from this module, which runs from `src/`
 * under vitest and from `dist/src/` once built.
 */
export function readPackageInfo(): PackageInfo {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Partial<PackageInfo> & { name?: string };
      if (manifest.name === NAME) return { version: manifest.version ?? '0.0.0', homepage: manifest.homepage ?? '' };
    } catch {
      // No package.json here, or not ours: keep climbing.
    }
    if (dirname(dir) === dir) throw new Error(`${NAME}: cannot find its own package.json`);
  }
}
