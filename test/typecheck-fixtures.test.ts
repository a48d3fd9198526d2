import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every TypeScript fixture output type-checks when its input did: the codemod's rewrites (the
 * helpers it adds, the renamed response fields and types) leave a program the compiler accepts.
 * One program for all inputs and one for all outputs, so the suite stays fast.
 */
const root = path.resolve(import.meta.dirname, '../fixtures');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter(
    (name) =>
      !name.startsWith('detect') &&
      // `input.ts`, and a project fixture's modules (`input/clips.ts`, `output/clips.ts`).
      /(^|\/)(input|output)(\.|\/(.+\/)?[^/]+\.)(c|m)?tsx?$/.test(name) &&
      !name.endsWith('.d.ts') &&
      statSync(path.join(root, name)).isFile(),
  )
  .map((name) => path.join(root, name));

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  jsx: ts.JsxEmit.Preserve,
  types: ['node'],
  typeRoots: [path.resolve(import.meta.dirname, '../node_modules/@types')],
  baseUrl: path.resolve(import.meta.dirname, '..'),
};

function diagnosticsByFile(list: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram(list, options);
  const result = new Map<string, string[]>(list.map((file) => [file, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    if (!file || !result.has(file)) continue;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    result.get(file)!.push(`${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  }
  return result;
}

describe('TypeScript fixture outputs', () => {
  const inputs = diagnosticsByFile(files.filter((file) => /\/input[./]/.test(file)));
  const outputs = diagnosticsByFile(files.filter((file) => /\/output[./]/.test(file)));
  const inputOf = (output: string) =>
    /\/output\.[^/]+$/.test(output) ? output.replace(/\/output\.([^/]+)$/, '/input.$1') : output.replace(/\/output\//, '/input/');
  const pairs = [...outputs.keys()].map((output) => [path.relative(root, output), output, inputOf(output)] as const);

  it.for(pairs)('%s type-checks when its input did', ([, output, input]) => {
    if ((inputs.get(input) ?? []).length > 0) return;
    expect(outputs.get(output)).toEqual([]);
  });

  it('has inputs that type-check, so the check above is not empty', () => {
    const clean = [...inputs.entries()].filter(([, errors]) => errors.length === 0);
    expect(clean.length).toBeGreaterThan(pairs.length / 2);
  });
});
