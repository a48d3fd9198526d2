import type { ParserOptions, ParserPlugin } from '@babel/parser';
import { parse } from './babel-parser.cjs';
import type { Node } from './ast.js';

export { SOURCE_EXTENSIONS } from './source-extensions.js';

const COMMON: ParserPlugin[] = [
  'decorators-legacy',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'dynamicImport',
  'importAttributes',
  'explicitResourceManagement',
  'topLevelAwait',
];

/** Plugins for a file, by its extension; `.ts` has no JSX because `<T>x` is a type assertion there. */
function pluginSets(file: string): ParserPlugin[][] {
  // A declaration file is an ambient context: `declare module`, bodiless functions and overloads.
  if (/\.d\.(c|m)?ts$/i.test(file)) return [[['typescript', { dts: true }], ...COMMON]];
  if (/\.(c|m)?ts$/i.test(file)) return [['typescript', ...COMMON]];
  if (/\.tsx$/i.test(file)) return [['typescript', 'jsx', ...COMMON]];
  // Plain JavaScript first; Flow-annotated files get a second try.
  return [
    ['jsx', ...COMMON],
    ['jsx', 'flow', ...COMMON],
  ];
}

const OPTIONS: ParserOptions = {
  sourceType: 'unambiguous',
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowSuperOutsideMethod: true,
  allowUndeclaredExports: true,
  errorRecovery: true,
};

/**
 * A parser for one file, in the shape jscodeshift and recast take (`{ parse(source) }`), so that
 * `--check`, the ESLint-independent detectors and the transforms all see Babel's tree. Throws a
 * SyntaxError with a line number when no plugin set parses the file.
 */
export function parserFor(file: string, withTokens = false): { parse(source: string): Node } {
  return {
    parse(source: string): Node {
      let firstError: unknown;
      for (const plugins of pluginSets(file)) {
        try {
          return parse(source, { ...OPTIONS, plugins, tokens: withTokens });
        } catch (error) {
          firstError ??= error;
        }
      }
      throw firstError;
    },
  };
}

export function parseModule(text: string, file: string): Node {
  return parserFor(file).parse(text);
}
