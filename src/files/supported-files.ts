import { isTextScanTarget } from '../text-scan/scan-text.js';

const JAVASCRIPT_EXTENSIONS = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts']);

/** `.d.ts`, `.d.mts`, `.d.cts`: declarations, no call; but a hand-written one may declare a legacy payload. */
const DECLARATION_FILE = /\.d\.[mc]?ts$/i;
/** Where builds put declarations (`dist/`, `dist-types/`, `build/`, `out/`): a package's bulk, not code to migrate. */
const BUILD_FOLDER = /(?:^|[\\/])(?:dist|build|out)(?:-[\w-]+)?[\\/]/i;
/** What a compiler emits a declaration beside: its JavaScript, or the TypeScript it was written in. */
const TWIN_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'];

function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Files parsed as JavaScript or TypeScript. */
function isJavaScriptSource(path: string): boolean {
  return JAVASCRIPT_EXTENSIONS.has(extensionOf(path));
}

/**
 * Every file `--check` reads: JavaScript and TypeScript sources, and the text scanner's files. A
 * declaration file is read when it stands alone (`types/tiktok.d.ts`, written by hand: a declared
 * legacy payload is code to migrate); one beside a file of the same stem (`index.d.ts` next to
 * `index.js`) or under a build folder is a compiler's output, regenerated from its source, and a
 * package's bulk: skipped. `path` is the file's path below the folder being walked; `hasSibling`
 * answers from the folder's listing. Without it, a declaration counts as standing alone (a file
 * named on the command line).
 */
export function isSupportedFile(path: string, hasSibling?: (name: string) => boolean): boolean {
  if (!isJavaScriptSource(path)) return isTextScanTarget(path);
  const declaration = DECLARATION_FILE.exec(path);
  if (!declaration || !hasSibling) return true;
  if (BUILD_FOLDER.test(path)) return false;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const stem = name.slice(0, name.length - declaration[0].length);
  return !TWIN_EXTENSIONS.some((extension) => hasSibling(stem + extension));
}
