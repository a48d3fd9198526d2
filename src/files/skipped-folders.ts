/**
 * Folders never walked into: dependencies and version control. Build output is left to
 * `.gitignore`, as ESLint, ripgrep and ast-grep do: where it is ignored it is skipped, and a bundle
 * that is committed or shipped still calls the dead API, so it is checked. A folder named on the
 * command line is always walked (`migrate-share-video --check node_modules/some-sdk`).
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
