import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The project root, and the folder of the codemod's upload fixtures. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const UPLOAD_FIXTURES = path.join(ROOT, 'fixtures/rewrite-upload-call');

/**
 * A fixture's input or output as a program Node runs without a loader, written under `work`:
 * TypeScript and JSX transpiled (automatic runtime, `react/jsx-runtime`), CommonJS kept apart.
 * `work` must sit inside the repository, so the program resolves the project's node_modules.
 */
export function fixtureProgram(work: string, name: string, which: 'input' | 'output', fixtures = UPLOAD_FIXTURES): string {
  const file = readdirSync(path.join(fixtures, name)).find((entry) => entry.startsWith(`${which}.`));
  if (!file) throw new Error(`${name} has no ${which}`);
  let text = readFileSync(path.join(fixtures, name, file), 'utf8');
  if (/\.(c|m)?tsx?$|\.jsx$/.test(file)) {
    text = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, allowJs: true },
    }).outputText;
  }
  const commonJs = /\brequire\(/.test(text) && !/^\s*(import|export)\s/m.test(text);
  const target = path.join(work, name, `${which}.${commonJs ? 'cjs' : 'mjs'}`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}

/** The line `RESULT <json>` a driver printed, parsed; throws with the program's output otherwise. */
export function programResult(label: string, run: { code: number | null; stdout: string; stderr: string; timedOut: boolean }): unknown {
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (run.code !== 0 || !line) {
    throw new Error(`${label} failed (${run.timedOut ? 'timed out' : `exit ${run.code}`}):\n${run.stderr || run.stdout}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as unknown;
}
