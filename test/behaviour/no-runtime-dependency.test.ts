import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixture-program.js';

/**
 * Migrated code must not need this package at run time: every fixture output, of every transform,
 * names no module of `migrate-share-video` and no path into this repository, and whatever module
 * the codemod added to a file (one its input did not name) is a Node built-in: the generated helpers
 * bring no dependency, neither this package nor any other.
 */
const PACKAGE = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;
const FIXTURES = path.join(ROOT, 'fixtures');

const outputs = readdirSync(FIXTURES)
  .filter((transform) => statSync(path.join(FIXTURES, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(FIXTURES, transform)).map((name) => path.join(transform, name)))
  .filter((folder) => statSync(path.join(FIXTURES, folder)).isDirectory())
  .flatMap((folder) => {
    const files = readdirSync(path.join(FIXTURES, folder));
    const output = files.find((file) => file.startsWith('output.'));
    const input = files.find((file) => file.startsWith('input.'));
    return output && input ? [{ folder, output: path.join(folder, output), input: path.join(folder, input) }] : [];
  })
  .sort((a, b) => a.folder.localeCompare(b.folder));

/**
 * Every module a file names, for run time or for types: import and export … from, import x =
 * require(…), import(…), require(…), require.resolve(…), import.meta.resolve(…), import('…') types.
 * A specifier that is not a string literal shows as `<computed: …>`.
 */
function moduleSpecifiers(file: string): string[] {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8');
  const kind = /\.[cm]?tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (!node) return;
    found.push(ts.isStringLiteralLike(node) ? node.text : `<computed: ${node.getText(source)}>`);
  };
  const loads = new Set(['require', 'require.resolve', 'import.meta.resolve', 'module.require']);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || loads.has(node.expression.getText(source)))
    ) {
      literal(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const namesThisPackage = (specifier: string) => specifier === PACKAGE || specifier.startsWith(`${PACKAGE}/`);
const isAbsolute = (specifier: string) => path.isAbsolute(specifier) || /^file:/i.test(specifier);

it('finds the fixture outputs of every transform', () => {
  expect(outputs.length).toBeGreaterThan(20);
  const transforms = new Set(outputs.map(({ folder }) => folder.split(path.sep)[0]));
  expect(transforms.has('rewrite-upload-call')).toBe(true);
});

describe.for(outputs)('$output', ({ input, output }) => {
  it(`imports nothing of ${PACKAGE} or of this repository, and adds only Node built-ins`, () => {
    const specifiers = moduleSpecifiers(output);
    const before = new Set(moduleSpecifiers(input));
    expect({
      [`naming ${PACKAGE}`]: specifiers.filter(namesThisPackage),
      'absolute paths': specifiers.filter(isAbsolute),
      'added, not Node built-ins': specifiers.filter((specifier) => !before.has(specifier) && !isBuiltin(specifier)),
      // Not even as a string the program builds a path from.
      'holds the repository path': readFileSync(path.join(FIXTURES, output), 'utf8').includes(ROOT),
    }).toEqual({
      [`naming ${PACKAGE}`]: [],
      'absolute paths': [],
      'added, not Node built-ins': [],
      'holds the repository path': false,
    });
  });
});
