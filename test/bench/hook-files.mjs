/**
 * The 10 files a pre-commit hook would name: some planted legacy files (parsed and reported) and
 * some clean corpus files (read and dropped by the prefilter), both paths of a real commit.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** The first source file (not a declaration) of `count` folders spread evenly over `folders`. */
export function pickCleanFiles(root, folders, count) {
  const picked = [];
  for (let i = 0; i < count; i++) {
    for (let at = Math.floor((i * folders.length) / count); at < folders.length; at++) {
      const name = readdirSync(join(root, folders[at]), { withFileTypes: true })
        .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name))
        .map((entry) => entry.name)
        .sort()[0];
      const path = name && `${folders[at]}/${name}`;
      if (path && !picked.includes(path)) {
        picked.push(path);
        break;
      }
    }
  }
  return picked;
}

/** Half planted (the first placements), half clean corpus files: `total` paths relative to the tree. */
export function hookFiles(corpus, folders, placements, total = 10) {
  const planted = placements.slice(0, Math.ceil(total / 2)).map((placement) => placement.path);
  const clean = pickCleanFiles(corpus, folders, total - planted.length);
  return { paths: [...planted, ...clean], planted: planted.length, clean: clean.length };
}
