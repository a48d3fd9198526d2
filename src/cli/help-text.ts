import { REPORT_FORMATS } from './args.js';

export function helpText(version: string): string {
  return `migrate-share-video ${version}
Finds code that still calls TikTok's retired Share Video API.

Usage: migrate-share-video --check [options] [paths...]

  paths                   files, folders or globs (default: .)

Options:
  --check                 report legacy usage and exit 1 if there is any (the only mode so far)
  -f, --format <name>     report format: ${REPORT_FORMATS.join(', ')} (default: text)
  -o, --output <file>     write the report to <file> instead of stdout
  --ignore-pattern <pat>  leave out paths matching <pat>, .gitignore syntax, relative to the
                          working folder; repeatable
  -q, --quiet             report errors only, not warnings
  --color, --no-color     force colours on or off (default: on for a terminal; NO_COLOR and
                          FORCE_COLOR are honoured)
  -h, --help              show this help
  -v, --version           show the version

Files:
  JavaScript and TypeScript (.js .jsx .mjs .cjs .ts .tsx .mts .cts; not .d.ts) are parsed.
  Python, PHP, Go, Ruby, Java, Kotlin, C#, shell, YAML, JSON, Markdown, Vue, Svelte and .env
  files are scanned as text and reported, never rewritten.
  Folders are walked honouring .gitignore, skipping node_modules, VCS folders, build output
  (dist build out coverage .next .nuxt .turbo .cache) and symbolic links. A file named on the
  command line is checked even if .gitignore excludes it; --ignore-pattern applies to every file.

Exit status: 0 nothing found, 1 legacy usage found, 2 bad usage or a path that does not exist.
`;
}
