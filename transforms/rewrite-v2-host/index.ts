import type { API, FileInfo } from 'jscodeshift';
import { runTransformsAlone } from '../../src/migrate/run-alone.js';
import { rewriteV2Hosts } from './rewrite-v2-host.js';

// The jscodeshift entry point: nothing imports this file, so the step module beside it never
// reaches the pipeline that runs it.
/** `npx jscodeshift -t dist/transforms/rewrite-v2-host/index.js <files>` runs this step alone. */
export default function transformer(file: FileInfo, api: API): string {
  void api;
  return runTransformsAlone(file, [rewriteV2Hosts]);
}
