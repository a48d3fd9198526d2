// Bundles what a pre-commit hook's `--check` runs into one CommonJS file, dist/cli.cjs, which the
// `bin` loads. Loading ~40 ES modules through Node's ESM loader cost a hook about 35 ms, a third of
// its time over `node -e 0` (docs/benchmark.md). The rewrite stays in tsc's ES modules
// (dist/src/migrate/), imported only when chosen, with its worker threads beside it.
import { build } from 'esbuild';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/cli.cjs');

/** The rewrite is not bundled: `import('../migrate/run-rewrite.js')` goes to tsc's output. */
const rewriteStaysEsm = {
  name: 'rewrite-stays-esm',
  setup(bundle) {
    bundle.onResolve({ filter: /\/migrate\/run-rewrite\.js$/ }, () => ({ path: './src/migrate/run-rewrite.js', external: true }));
  },
};

/**
 * Each module's `import.meta.url` becomes the URL of its own compiled file under dist/src/, so that
 * what it finds beside itself (a worker file, the package.json above it) is where tsc put it.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(bundle) {
    bundle.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const compiled = relative(dirname(OUT), join(ROOT, 'dist', relative(ROOT, args.path))).replace(/\.ts$/, '.js');
      const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(compiled)})).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts')],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  packages: 'external',
  // `import()` becomes a require (of the rewrite's ES modules too, which Node 20.19 requires): V8's
  // code cache loses a compiled script's `import()` callback, so bin/compile-cache.cjs could not
  // cache the bundle while it holds one (docs/benchmark.md, start-up).
  supported: { 'dynamic-import': false },
  sourcemap: true,
  legalComments: 'none',
  // Less text for V8 to read at each start (a hook's `--check` compiles all of it); names are kept.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [rewriteStaysEsm, ownImportMetaUrl],
});
