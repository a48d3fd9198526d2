/** The extensions parsed as JavaScript or TypeScript; apart from parse.ts so that reading them loads no parser. */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;
