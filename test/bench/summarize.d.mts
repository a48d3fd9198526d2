/** Types for summarize.mjs, which the bench runs as plain JavaScript. */
export interface Measured {
  readonly wall: Readonly<Record<string, number | undefined>>;
  readonly peakMb: Readonly<Record<string, number | undefined>>;
  /** Each compared row's median of per-round ratios to its base row. */
  readonly paired?: Readonly<Record<string, number | undefined>>;
}
export interface Target {
  readonly id: string;
  readonly says: string;
  readonly value: (measured: Measured) => number;
  readonly limit: number;
  readonly compare: '<' | '<=' | '>=';
  readonly unit: string;
}
export interface TargetResult {
  readonly id: string;
  readonly says: string;
  readonly limit: number;
  readonly compare: Target['compare'];
  readonly unit: string;
  readonly value: number | null;
  readonly pass: boolean | null;
}
export declare function median(values: readonly number[]): number | undefined;
export declare function pairedRatio<K extends string>(
  runs: ReadonlyArray<Readonly<Record<K, number | null>>>,
  baseRuns: ReadonlyArray<Readonly<Record<K, number | null>>>,
  key: K,
): number | undefined;
export declare const TARGETS: readonly Target[];
export declare function evaluateTargets(measured: Measured, targets?: readonly Target[]): TargetResult[];
