/**
 * The clean corpus and the copies the bench works on. The corpus itself is never written: the
 * planted files and every migration go into copies, and a fingerprint taken before and after
 * shows it came out as it went in.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the corpus with the shared script unless `dir` already holds a complete one. */
export function ensureCorpus(dir, makeCorpusScript, size = 'full') {
  if (existsSync(join(dir, '.corpus-complete'))) return;
  if (!existsSync(makeCorpusScript)) throw new Error(`no corpus at ${dir} and no ${makeCorpusScript} to build one`);
  console.log(`building the corpus at ${dir} (takes a few minutes)…`);
  execFileSync('bash', [makeCorpusScript, dir, size], { stdio: 'inherit' });
}

/**
 * A copy of `source` at `dest` made of hard links, which is fast and safe here because our rewrite
 * replaces a file through a temporary file and a rename (the linked original keeps its bytes); a
 * plain copy where links cannot be made (another file system). Returns how it was made.
 */
export function copyTree(source, dest) {
  rmSync(dest, { recursive: true, force: true });
  const linked = spawnSync('cp', ['-al', source, dest], { encoding: 'utf8' });
  if (linked.status === 0) return 'hard links';
  rmSync(dest, { recursive: true, force: true });
  execFileSync('cp', ['-a', source, dest]);
  return 'a full copy';
}

/** Path, size, mtime and inode of every file below `root`, hashed: any write in place changes it. */
export function fingerprint(root) {
  const hash = createHash('sha256');
  let files = 0;
  const walk = (relative) => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const stat = lstatSync(join(root, path));
      if (stat.isDirectory()) walk(path);
      else {
        files++;
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}\n`);
      }
    }
  };
  walk('');
  return { files, sha256: hash.digest('hex') };
}
