import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TransformResult } from '../../src/codemod/step.js';
import { rewriteIn, tempTree, UPLOAD } from './helpers.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [], lib: ['ES2022', 'DOM'] },
});
const SOURCE = `export async function send(token: string, form: FormData) {\n  return fetch('${UPLOAD}?access_token=' + token, { method: 'POST', body: form });\n}\n`;

/** A rewrite that would compile no more: a string where the file's own code wants a number. */
const addsTypeError = (text: string): TransformResult => ({
  output: `${text}export const retries: number = 'three';\n`,
  outcomes: [{ ruleId: 'no-legacy-share-endpoint', action: 'rewritten', line: 2, column: 10, message: '' }],
  notes: [],
});

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('no new TypeScript error in a changed file', () => {
  it('a rewrite that would add one is not written: the sites keep their code under TODOs, and the report names the error', async () => {
    const root = tempTree({ 'tsconfig.json': TSCONFIG, 'src/send.ts': SOURCE });
    roots.push(root);
    const { status, stdout } = await rewriteIn(root, { transform: addsTypeError, allowDirty: true });
    const written = readFileSync(join(root, 'src/send.ts'), 'utf8');
    expect(written).not.toContain('retries');
    expect(written).toContain('// TODO(migrate-share-video):');
    expect(written).toContain(`fetch('${UPLOAD}?access_token=' + token`);
    expect(stdout).toMatch(
      /src\/send\.ts: not rewritten: the rewrite would add a TypeScript error \(TS2322: Type 'string' is not assignable to type 'number'\.\)/,
    );
    expect(status).toBe(1);
  });

  it("a project checked out without its dependencies is still rewritten: missing names and modules are not the rewrite's errors", async () => {
    // The bundled example has a tsconfig.json and no node_modules: process, node:fs, axios unresolved.
    const root = mkdtempSync(join(tmpdir(), 'msv-guard-example-'));
    roots.push(root);
    cpSync(join(import.meta.dirname, '../../examples/legacy-app'), root, { recursive: true });
    const { stdout } = await rewriteIn(root, { transform: undefined, dryRun: true, format: 'json' });
    const report = JSON.parse(stdout) as { summary: { sitesRewritten: number }; notes: string[] };
    expect(report.notes.filter((note) => note.includes('would add a TypeScript error'))).toEqual([]);
    expect(report.summary.sitesRewritten).toBeGreaterThan(20);
  });

  it('an error the rewrite would cause in a file that imports the changed one counts too, and is named', async () => {
    // The rewrite changes what send.ts exports: the importer's code, untouched, would no longer compile.
    const changesExport = (text: string): TransformResult => ({
      output: text.replace('export async function send', 'export const attempts = 3;\nexport async function sendNow'),
      outcomes: [{ ruleId: 'no-legacy-share-endpoint', action: 'rewritten', line: 2, column: 10, message: '' }],
      notes: [],
    });
    const root = tempTree({
      'tsconfig.json': TSCONFIG,
      'src/send.ts': SOURCE,
      'src/publish.ts': `import { send } from './send.js';\n\nexport const publish = (token: string, form: FormData) => send(token, form);\n`,
    });
    roots.push(root);
    const { stdout } = await rewriteIn(root, { transform: changesExport, allowDirty: true });
    expect(readFileSync(join(root, 'src/send.ts'), 'utf8')).not.toContain('sendNow');
    expect(stdout).toMatch(/src\/send\.ts: not rewritten: the rewrite would add a TypeScript error \(publish\.ts: TS2305/);
  });

  it('without a tsconfig.json there is no project to check in, and the rewrite stands', async () => {
    const root = tempTree({ 'src/send.ts': SOURCE });
    roots.push(root);
    await rewriteIn(root, { transform: addsTypeError, allowDirty: true });
    expect(readFileSync(join(root, 'src/send.ts'), 'utf8')).toContain('retries');
  });
});
