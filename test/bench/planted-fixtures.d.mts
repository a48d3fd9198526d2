/** Types for planted-fixtures.mjs, which the bench runs as plain JavaScript. */
export declare const PLANTED_FIXTURES: readonly string[];
