import type { API, FileInfo, Options } from 'jscodeshift';
import { runTransformsAlone } from '../../src/migrate/run-alone.js';
import { rewriteAuthorizeUrls } from './rewrite-authorize-url.js';

// The jscodeshift entry point: nothing imports this file, so the step module beside it never
// reaches the pipeline that runs it.
/**
 * `npx jscodeshift -t dist/transforms/rewrite-authorize-url/index.js <files> [--app-uploads]` runs
 * this step alone. Without `--app-uploads`, a module adds `video.upload` to its scope only when it
 * uploads itself.
 */
export default function transformer(file: FileInfo, api: API, options: Options): string {
  void api;
  const flag = options.appUploads ?? options['app-uploads'];
  return runTransformsAlone(file, [rewriteAuthorizeUrls], { appUploads: flag === undefined ? undefined : Boolean(flag) });
}
