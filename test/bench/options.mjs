/** The bench's command line. */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The groups of rows `--skip` and `--only` name. */
export const GROUPS = ['check', 'ripgrep', 'ast-grep', 'jscodeshift', 'migrate', 'pre-commit', 'shard', 'eslint'];

export const USAGE = `Usage: npm run bench -- [options]
       node test/bench/run.mjs [options]       (after npm run build)

  --corpus <dir>     the clean corpus (default: ${join(tmpdir(), 'migrate-share-video-bench/corpus')},
                     built by ../shared/bench/make-corpus.sh when it is not complete)
  --work <dir>       where the planted copies go (default: ${join(tmpdir(), 'migrate-share-video-bench/work')})
  --planted <n>      legacy files to plant (default: 40)
  --runs <n>         timed runs of every row, after one untimed warm-up (default: 3)
  --eslint-runs <n>  timed runs of the four ESLint rows (default: 5): their differences are a few
                     per cent of an 11 s run, which a single run on a busy machine can exceed
  --startup-runs <n> timed runs of the pre-commit group's start-up rows (default: 15): each takes
                     tens of milliseconds, where one run's noise is a large share
  --skip <groups>    comma-separated groups to leave out
  --only <groups>    comma-separated groups to run, nothing else
  --json <file>      also write the results as JSON to <file>
  -h, --help         show this help

Groups: ${GROUPS.join(', ')}`;

const positive = (name, text) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number of at least 1, not ${text}`);
  return value;
};

const groupList = (name, text) => {
  const groups = text
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
  const unknown = groups.filter((group) => !GROUPS.includes(group));
  if (unknown.length) throw new Error(`--${name}: unknown group ${unknown.join(', ')} (groups: ${GROUPS.join(', ')})`);
  return groups;
};

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      work: { type: 'string' },
      planted: { type: 'string', default: '40' },
      runs: { type: 'string', default: '3' },
      'eslint-runs': { type: 'string', default: '5' },
      'startup-runs': { type: 'string', default: '15' },
      skip: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.skip && values.only) throw new Error('--skip and --only cannot be used together');
  const only = values.only ? groupList('only', values.only) : GROUPS;
  const skip = values.skip ? groupList('skip', values.skip) : [];
  const base = join(tmpdir(), 'migrate-share-video-bench');
  return {
    help: values.help ?? false,
    corpus: resolve(values.corpus ?? join(base, 'corpus')),
    work: resolve(values.work ?? join(base, 'work')),
    planted: positive('planted', values.planted),
    runs: positive('runs', values.runs),
    eslintRuns: positive('eslint-runs', values['eslint-runs']),
    startupRuns: positive('startup-runs', values['startup-runs']),
    groups: new Set(only.filter((group) => !skip.includes(group))),
    json: values.json ? resolve(values.json) : null,
  };
}
