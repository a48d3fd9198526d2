/**
 * Where the legacy files go and putting them there. Places are fixed by the corpus alone (its
 * sorted folder list), so every run and every machine plants the same files at the same paths.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { extname, join, posix } from 'node:path';

/**
 * `count` plantings spread evenly over `folders` (sorted, relative, posix), cycling through
 * `fixtures` when `count` is larger. The index in the name keeps two plantings of one fixture,
 * or two in one folder, apart; the prefix keeps them apart from the corpus's own files.
 */
export function placePlanted(folders, fixtures, count) {
  if (folders.length === 0 || fixtures.length === 0) throw new Error('nothing to plant into or from');
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const fixture = fixtures[i % fixtures.length];
    const folder = folders[Math.floor(((i + 0.5) * folders.length) / count)];
    const name = `tiktok-legacy-${String(i + 1).padStart(width, '0')}-${fixture.split('/').at(-2)}${extname(fixture)}`;
    return { fixture, path: posix.join(folder, name) };
  });
}

/**
 * Every folder below `root`, relative and sorted, except hidden ones (ripgrep and ast-grep skip
 * them by default, so a file planted there would be a trap for the peers, not a measurement).
 */
export function listFolders(root) {
  const folders = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      folders.push(child);
      walk(child);
    }
  };
  walk('');
  return folders.sort();
}

/** Writes each planted file into `tree` as a real new file (never a link into the corpus). */
export function plant(tree, placements, fixturesDir) {
  for (const { fixture, path } of placements) {
    const target = join(tree, path);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(fixturesDir, fixture), target);
  }
}
