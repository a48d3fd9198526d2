import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/check/analyze-files.js';

/**
 * One test per folder of fixtures/detect: `input.<ext>` with `expected.json` (a list), or an `input/`
 * folder of modules with `expected.json` keyed by path. Adding a case is adding a folder.
 */
const root = path.resolve(import.meta.dirname, '../../fixtures/detect');
const cases = readdirSync(root)
  .filter((name) => statSync(path.join(root, name)).isDirectory())
  .sort();

interface Expected {
  line: number;
  ruleId: string;
  severity?: 'warning';
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

describe.for(cases)('detect %s', (name) => {
  it('finds exactly the expected findings', async () => {
    const folder = path.join(root, name);
    const multi = existsSync(path.join(folder, 'input'));
    const base = multi ? path.join(folder, 'input') : folder;
    const files = multi ? listFiles(base) : listFiles(folder).filter((file) => path.basename(file).startsWith('input.'));
    const raw = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
    const expected: Record<string, Expected[]> = multi ? raw : { [path.basename(files[0])]: raw };

    const result = await analyzeFiles(files, { cwd: base });
    expect(result.errors).toEqual([]);
    const actual: Record<string, Expected[]> = {};
    for (const file of files) actual[path.relative(base, file).split(path.sep).join('/')] = [];
    for (const finding of result.findings) {
      actual[finding.file].push({
        line: finding.line,
        ruleId: finding.ruleId,
        ...(finding.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
    const sorted = (list: Expected[]) => [...list].sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    for (const file of Object.keys(actual)) {
      expect.soft(sorted(actual[file]), file).toEqual(sorted(expected[file] ?? []));
    }
  });
});
