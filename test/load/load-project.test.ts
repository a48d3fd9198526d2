import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { tempTree, UPLOAD } from '../migrate/helpers.js';

const root = tempTree({
  'config.ts': `export const UPLOAD_URL = '${UPLOAD}';\n`,
  'importer.ts': `import { UPLOAD_URL } from './config.js';\nfetch(UPLOAD_URL);\n`,
  'clean.ts': 'export const a = 1;\n',
  'broken.ts': `fetch('${UPLOAD}'\nconst = ;\n`,
  'notes.md': `POST ${UPLOAD}\n`,
  'binary.js': Buffer.concat([Buffer.from(`'${UPLOAD}'`), Buffer.from([0, 1, 2])]),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = ['binary.js', 'broken.ts', 'clean.ts', 'config.ts', 'importer.ts', 'notes.md'];

describe('loadProject', () => {
  it('parses the candidates, reads again the modules that import a legacy export, and reports the rest', async () => {
    const project = await loadProject(
      names.map((name) => join(root, name)),
      { cwd: root },
    );
    expect(project.modules.map(({ path, foundByImport }) => [path, foundByImport])).toEqual([
      ['config.ts', false],
      ['importer.ts', true],
    ]);
    // A module that does not parse is still scanned as text, and named among the errors.
    expect(project.texts.map(({ path }) => path).sort()).toEqual(['broken.ts', 'notes.md']);
    expect(project.errors.map(({ file }) => file)).toEqual(['binary.js', 'broken.ts']);
    expect(project.analyzed).toBe(4);
    expect([...project.exportsByFile.keys()]).toEqual([join(root, 'config.ts')]);
    expect(project.modules[0].bytes.toString()).toBe(project.modules[0].text);
  });

  it('settles each file once, except the modules of the first pass, left to the caller', async () => {
    const settled: string[] = [];
    await loadProject(
      names.map((name) => join(root, name)),
      { cwd: root, onSettled: (file) => settled.push(file) },
    );
    expect(settled.map((file) => file.slice(root.length + 1)).sort()).toEqual([
      'binary.js',
      'broken.ts',
      'clean.ts',
      'importer.ts',
      'notes.md',
    ]);
  });
});
