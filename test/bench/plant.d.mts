/** Types for plant.mjs, which the bench runs as plain JavaScript. */
export interface Placement {
  readonly fixture: string;
  readonly path: string;
}
export declare function placePlanted(folders: readonly string[], fixtures: readonly string[], count: number): Placement[];
export declare function listFolders(root: string): string[];
export declare function plant(tree: string, placements: readonly Placement[], fixturesDir: string): void;
