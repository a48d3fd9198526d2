import { parse, type ParserPlugin } from '@babel/parser';
import type { Node } from './ast.js';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;

const COMMON: ParserPlugin[] = [
  'decorators-legacy', 'classProperties', 'classPrivateProperties', 'classPrivateMethods', 'dynamicImport',
  'importAttributes', 'explicitResourceManagement', 'topLevelAwait',
];

/** Plugins for a file, by its extension; `.ts` has no JSX because `<T>x` is a type assertion there. */
function pluginSets(file: string): ParserPlugin[][] {
  if (/\.(c|m)?ts$/i.test(file)) return [['typescript', ...COMMON]];
  if (/\.tsx$/i.test(file)) return [['typescript', 'jsx', ...COMMON]];
  // Plain JavaScript first; Flow-annotated files get a second try.
  return [['jsx', ...COMMON], ['jsx', 'flow', ...COMMON]];
}

/**
 * Parses a JavaScript or TypeScript module with Babel, the parser jscodeshift uses, so that `--check`
 * and the transforms see the same tree. Throws a SyntaxError with a line number when nothing parses.
 */
export function parseModule(text: string, file: string): Node {
  let firstError: unknown;
  for (const plugins of pluginSets(file)) {
    try {
      return parse(text, {
        sourceType: 'unambiguous',
        allowReturnOutsideFunction: true,
        allowAwaitOutsideFunction: true,
        allowImportExportEverywhere: true,
        allowSuperOutsideMethod: true,
        allowUndeclaredExports: true,
        errorRecovery: true,
        plugins,
        tokens: false,
      }) as unknown as Node;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}
