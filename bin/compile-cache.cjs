'use strict';
// A pre-commit check of a few files spends a fifth of its time compiling the CLI bundle and Babel's
// parser again, on every run (docs/benchmark.md, start-up). Node 22 keeps V8's code cache itself
// (module.enableCompileCache); Node 20 does not, so these two files are compiled here with the cache
// V8 took at the end of an earlier run, when it holds the functions the check compiled lazily too (a
// cache taken at compile time holds only the top level, which is why v8-compile-cache gained
// nothing). A cache is named for its source's hash, Node's version and the CPU: V8 itself checks only
// the source's length, and a damaged cache crashes it, so each cache starts with the hash of the
// rest, checked before V8 sees it. It lives in the package's own node_modules/.cache, never in the
// user's tree; a cache that cannot be read or written is simply not used. NODE_DISABLE_COMPILE_CACHE
// turns it off, as it does Node's own.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const CACHE = path.join(__dirname, '..', 'node_modules', '.cache', 'migrate-share-video', 'compiled');

/** The bundle and the parser: the two files a check compiles on every run, most of its compile time. */
const CACHED = [path.join('dist', 'cli.cjs'), path.join('@babel', 'parser', 'lib', 'index.js')];

/** The length of a SHA-1 hash: the head of each cache file. */
const HASH = 20;

function enableCompileCache(folder = CACHE) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(folder);
    return;
  }
  const vm = require('node:vm');
  const { createHash } = require('node:crypto');
  const sha1 = () => createHash('sha1');
  const taken = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!CACHED.some((end) => filename.endsWith(end))) return compile.call(this, content, filename);
    const key = sha1().update(content).update(`${process.version} ${process.arch}`).digest('hex');
    const file = path.join(folder, `${path.basename(filename)}-${key}`);
    let cachedData;
    try {
      const read = fs.readFileSync(file);
      const data = read.subarray(HASH);
      if (sha1().update(data).digest().equals(read.subarray(0, HASH))) cachedData = data;
    } catch {
      // First run, or a cache folder that cannot be read: compiled as Node would.
    }
    // No `import()` in either (build/bundle-cli.mjs): a script compiled with a cache loses its callback.
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) taken.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of taken) {
      const temporary = `${file}.${process.pid}`;
      try {
        fs.mkdirSync(folder, { recursive: true });
        const data = script.createCachedData();
        // Written whole, then renamed: a run starting meanwhile reads the old cache or none.
        fs.writeFileSync(temporary, Buffer.concat([sha1().update(data).digest(), data]));
        fs.renameSync(temporary, file);
        // The cache of an earlier build of the same file is of no more use.
        const stale = `${path.basename(file).replace(/-[0-9a-f]+$/, '')}-`;
        for (const name of fs.readdirSync(folder))
          if (name.startsWith(stale) && path.join(folder, name) !== file) fs.rmSync(path.join(folder, name), { force: true });
      } catch {
        // A read-only install: the next run compiles as this one did.
        fs.rm(temporary, { force: true }, () => {});
      }
    }
  });
}

module.exports = enableCompileCache;
