/** The library API: the contract, the detectors and the file analysis behind `--check`. */
export * from './contract/index.js';
export { analyzeFiles, type AnalysisResult, type AnalyzeOptions, type FileError } from './check/analyze-files.js';
export { analyzeModule, type ModuleAnalysis } from './detect/analyze-module.js';
export { parseModule } from './detect/parse.js';
export type { Finding } from './detect/finding.js';
export { RULES, RULE_IDS, ruleDocsUrl, type RuleId, type Severity } from './detect/rule-catalog.js';
