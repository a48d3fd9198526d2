import type { API, FileInfo, Options } from 'jscodeshift';
import { runTransformsAlone } from '../../src/migrate/run-alone.js';
import { renameWebhookEvents } from './rename-webhook-events.js';

// The jscodeshift entry point: nothing imports this file, so the step module beside it never
// reaches the pipeline that runs it.
/**
 * `npx jscodeshift -t dist/transforms/rename-webhook-events/index.js <files> [--keep-legacy-events]`
 * runs this step alone.
 */
export default function transformer(file: FileInfo, api: API, options: Options): string {
  void api;
  return runTransformsAlone(file, [renameWebhookEvents], {
    keepLegacyEvents: Boolean(options.keepLegacyEvents ?? options['keep-legacy-events']),
  });
}
