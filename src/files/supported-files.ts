import { isTextScanTarget } from '../text-scan/scan-text.js';

const JAVASCRIPT_EXTENSIONS = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts']);

/** `.d.ts`, `.d.mts`, `.d.cts`: declarations only, no call can sit there. */
const DECLARATION_FILE = /\.d\.[mc]?ts$/i;

function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Files parsed as JavaScript or TypeScript. */
function isJavaScriptSource(path: string): boolean {
  return JAVASCRIPT_EXTENSIONS.has(extensionOf(path)) && !DECLARATION_FILE.test(path);
}

/** Every file `--check` reads: JavaScript and TypeScript sources, and the text scanner's files. */
export function isSupportedFile(path: string): boolean {
  return isJavaScriptSource(path) || isTextScanTarget(path);
}
