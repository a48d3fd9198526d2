import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseEstree } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/detect/ast.js';
import { analyzeModule } from '../../src/detect/analyze-module.js';
import { LineMap, toFinding } from '../../src/detect/locate.js';
import { parseModule } from '../../src/detect/parse.js';

/**
 * The detectors are shared by `--check` (Babel's AST) and the ESLint plugin (typescript-eslint's
 * ESTree). Over every fixture module (the transforms' inputs and outputs too), both trees must give
 * the same findings.
 */
const root = path.resolve(import.meta.dirname, '../../fixtures');
const modules = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(c|m)?[jt]sx?$/.test(name) && statSync(path.join(root, name)).isFile())
  .sort();

function findings(ast: Node, text: string, file: string) {
  const lines = new LineMap(text);
  return analyzeModule(ast, text, file)
    .findings.map((raw) => {
      const { line, column, endLine, endColumn, ruleId, messageId, severity } = toFinding(raw, file, lines);
      return `${line}:${column}-${endLine}:${endColumn} ${ruleId}/${messageId} ${severity}`;
    })
    .sort();
}

describe.for(modules)('%s', (name) => {
  it('gives the same findings over Babel and ESTree', () => {
    const file = path.join(root, name);
    const text = readFileSync(file, 'utf8');
    const babel = parseModule(text, file);
    const estree = parseEstree(text, {
      range: true,
      loc: true,
      jsx: /x$/.test(file) || /\.(c|m)?js$/.test(file),
      filePath: file,
    }) as unknown as Node;
    expect(findings(estree, text, name)).toEqual(findings(babel, text, name));
  });
});
