import { REPORT_FORMATS } from '../report/formats.js';
import { REWRITE_FORMATS } from './args.js';

export function helpText(version: string): string {
  return `migrate-share-video ${version}
Moves code off TikTok's retired Share Video API onto the Content Posting API, and finds what is left.

Usage: migrate-share-video [options] [paths...]            rewrite the files in place
       migrate-share-video --dry-run [options] [paths...]  print the rewrite as a diff, write nothing
       migrate-share-video --check [options] [paths...]    report legacy usage, change nothing
       migrate-share-video --merge [options] reports...    merge the JSON reports of --check shards

  paths                   files, folders or globs (default: .); with --merge, JSON report files

Options:
  --check                 report legacy usage and exit 1 if there is any; nothing is written
  --dry-run               print the changes as a unified diff (and the summary); write nothing
  --allow-dirty           rewrite even when git has uncommitted changes in a target (the rewrite
                          otherwise refuses, so that it can be reviewed and undone with git)
  --keep-legacy-events    for apps still on Video Kit or Share Kit: add post.publish.* events beside
                          the legacy video.* ones instead of renaming them (with --check: a
                          legacy event with its new name beside it is no finding)
  --workers <n>           threads for the rewrite (default: one per core; 1 runs it in the main
                          thread)
  -f, --format <name>     report format: ${REPORT_FORMATS.join(', ')} with --check; ${REWRITE_FORMATS.join(', ')} for the
                          rewrite (default: text)
  -o, --output <file>     write the report to <file> instead of stdout
  --report <file>         also write a Markdown report to <file> (what was rewritten, the TODOs
                          and findings with file#Lline links, the new webhook events): the page
                          a reviewer reads in a pull request
  --ignore-pattern <pat>  leave out paths matching <pat>, .gitignore syntax, relative to the
                          working folder; repeatable
  -q, --quiet             report errors only, not warnings
  --shard <i/n>           with --check: check only shard i of n (files split by a hash of their
                          path), for a CI matrix; imports across shards are still followed
  --merge                 the paths are --format json reports of the shards: print them as one
                          report in any --format (refused if a shard is missing or repeated)
  --color, --no-color     force colours on or off (default: on for a terminal; NO_COLOR and
                          FORCE_COLOR are honoured)
  -h, --help              show this help
  -v, --version           show the version

Files:
  JavaScript and TypeScript (.js .jsx .mjs .cjs .ts .tsx .mts .cts, and a .d.ts that is not build
  output) are parsed and rewritten. Python, PHP, Go, Ruby, Java, Kotlin, C#, shell, YAML, JSON,
  Markdown, Vue, Svelte and .env files, and minified bundles (a line over 4,000 characters), are
  scanned as text and reported (as "to port by hand"), never rewritten.
  Folders are walked honouring .gitignore (which decides about build output), skipping
  node_modules, VCS folders and symbolic links. A file named on the command line is checked even if .gitignore excludes it; --ignore-pattern applies to every file.
  A file with nothing legacy in it is never written. A changed file is written whole through a
  temporary file and a rename, keeping its mode; a file changed by someone else during the run is
  left as it is and reported. Access tokens and secrets are masked in everything printed.

Exit status:
  --check:      0 nothing found, 1 legacy usage found, 2 bad usage or a path that does not exist.
  rewrite:      0 everything rewritten (or nothing to do), 1 TODOs or files to port by hand are
                left, 2 errors (a file that cannot be read, parsed or written), uncommitted
                changes without --allow-dirty, bad usage or a path that does not exist.
`;
}
