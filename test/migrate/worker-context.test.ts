import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { createImportResolver } from '../../src/load/project-exports.js';
import { runTransformTask, type WorkerContext } from '../../src/migrate/transform-task.js';
import { tempTree, UPLOAD } from './helpers.js';

const root = tempTree({
  'src/config.ts': `export const TIKTOK = { uploadUrl: '${UPLOAD}' };\nexport const UPLOAD_URL = '${UPLOAD}';\n`,
  // No marker of its own: read in the second look, for the names config.ts exports.
  'src/upload.ts': `import { UPLOAD_URL, TIKTOK } from './config.js';\nexport const post = (body: FormData) => fetch(UPLOAD_URL, { method: 'POST', body });\n`,
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the context a worker gets', () => {
  it('survives structured cloning and resolves imports as the main thread does', async () => {
    const project = await loadProject([join(root, 'src/config.ts'), join(root, 'src/upload.ts')], { cwd: root });
    expect(project.modules.map((module) => module.path)).toEqual(['src/config.ts', 'src/upload.ts']);
    const context: WorkerContext = {
      exportsByFile: project.exportsByFile,
      known: [...project.known],
      keepLegacyEvents: true,
      appUploads: true,
    };
    // What postMessage does to piscina's workerData.
    const cloned = structuredClone(context);
    const importer = join(root, 'src/upload.ts');
    const here = createImportResolver(importer, project.exportsByFile, project.known);
    const there = createImportResolver(importer, cloned.exportsByFile, new Set(cloned.known));
    expect(there('./config.js', 'UPLOAD_URL', [])).toBe(UPLOAD);
    expect(there('./config.js', 'TIKTOK', ['uploadUrl'])).toBe(UPLOAD);
    expect(there('./config.js', 'TIKTOK', [])).toEqual(here('./config.js', 'TIKTOK', []));
    expect(there('./missing.js', 'UPLOAD_URL', [])).toBeUndefined();
    expect(cloned.keepLegacyEvents).toBe(true);
    expect(cloned.appUploads).toBe(true);
  });

  it('hands the codemod the relative path and the resolver, and sends back no unchanged text', () => {
    const seen: string[] = [];
    const result = runTransformTask(
      { file: '/abs/src/a.ts', path: 'src/a.ts', text: 'x' },
      (text, file, options) => {
        seen.push(file, typeof options.resolveImport, String(options.keepLegacyEvents));
        return { output: text, outcomes: [], notes: [] };
      },
      { resolveImport: () => undefined, keepLegacyEvents: true },
    );
    expect(seen).toEqual(['src/a.ts', 'function', 'true']);
    expect(result).toEqual({ ok: true, output: undefined, outcomes: [], notes: [] });
    expect(structuredClone(result)).toEqual(result);
  });
});
