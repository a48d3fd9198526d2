/**
 * Folders never walked into: dependencies, version control, and build output, which is
 * generated from sources that are checked anyway. A folder named on the command line is still
 * walked (`migrate-share-video --check dist`).
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn',
  'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo', '.cache',
]);
