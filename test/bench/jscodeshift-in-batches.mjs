#!/usr/bin/env node
/**
 * jscodeshift over a whole tree as consecutive `jscodeshift --stdin` runs of at most 5,000 files
 * each, printing its "Results" counts summed over the runs.
 *
 * Why not one run: on a 2-core machine jscodeshift starts one worker (cpus - 1) and hands it every
 * file at once; the worker opens them all, the transforms keep its event loop busy, and the opens
 * graceful-fs queued past the open-file limit give up after 60 s. A single run over the 42,000-file
 * corpus reported 19,088 "File error: EMFILE: too many open files" and so skipped almost half the
 * tree, which would make jscodeshift look twice as fast as it is.
 *
 *   node jscodeshift-in-batches.mjs <jscodeshift.js> <extensions> [jscodeshift options…]
 * run from the folder to transform; <extensions> is the comma-separated list also passed as
 * --extensions (every file below the folder with one of them is taken, hidden folders included,
 * as jscodeshift itself takes them).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { jscodeshiftCounts } from './rows.mjs';

const BATCH = 5000;
const [jscodeshift, extensionList, ...options] = process.argv.slice(2);
const extensions = new Set(extensionList.split(',').map((extension) => `.${extension}`));

const files = readdirSync('.', { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && extensions.has(extname(entry.name)))
  .map((entry) => `${entry.parentPath}/${entry.name}`)
  .sort();

const totals = { errors: 0, unmodified: 0, skipped: 0, ok: 0 };
for (let start = 0; start < files.length; start += BATCH) {
  const run = spawnSync(process.execPath, [jscodeshift, ...options, '--stdin'], {
    input: files.slice(start, start + BATCH).join('\n'),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr || run.stdout);
    process.exit(run.status ?? 2);
  }
  const batch = Math.min(BATCH, files.length - start);
  const counts = jscodeshiftCounts(run.stdout);
  let counted = 0;
  for (const key of Object.keys(totals)) {
    totals[key] += counts[key];
    counted += counts[key];
  }
  // A worker that dies (a transform it cannot load) leaves jscodeshift exiting 0 with nothing counted.
  if (counted !== batch) {
    process.stderr.write(`jscodeshift accounted for ${counted} of the ${batch} files it was given:\n${run.stderr.slice(-3000)}`);
    process.exit(2);
  }
}
console.log(
  `${files.length} files in ${Math.ceil(files.length / BATCH)} runs\nResults:\n${Object.entries(totals)
    .map(([key, count]) => `${count} ${key}`)
    .join('\n')}`,
);
