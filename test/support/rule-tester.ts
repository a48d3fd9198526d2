import tsParser from '@typescript-eslint/parser';
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';

// RuleTester calls these to build its suites; by default they are mocha's globals.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const jsx = { ecmaFeatures: { jsx: true } };

/** typescript-eslint's parser: what a TypeScript project lints every file with (JSX on for .js and .jsx). */
const typescriptTester = new RuleTester({ languageOptions: { parser: tsParser, parserOptions: jsx } });

/** ESLint's own parser (espree): what a plain JavaScript project lints with. */
const espreeTester = new RuleTester({ languageOptions: { parserOptions: jsx } });

type Tests = Parameters<RuleTester['run']>[2];

/** A case without a filename is linted as `file.js`. */
const isJavaScript = (test: string | { filename?: string }) => typeof test === 'string' || /\.[cm]?jsx?$/.test(test.filename ?? 'file.js');

/**
 * Runs a rule's cases through typescript-eslint's parser, and its JavaScript cases through espree as
 * well: the detectors must not depend on which ESTree they are given. Every error is asserted by its
 * messageId, never by its wording.
 */
export function runRuleTests(ruleId: string, rule: Rule.RuleModule, tests: Omit<Tests, 'assertionOptions'>): void {
  const assertionOptions = { requireMessage: 'messageId' } as const;
  describe('typescript-eslint parser', () => typescriptTester.run(ruleId, rule, { ...tests, assertionOptions }));
  describe('espree (JavaScript cases)', () =>
    espreeTester.run(ruleId, rule, {
      valid: tests.valid.filter(isJavaScript),
      invalid: tests.invalid.filter(isJavaScript),
      assertionOptions,
    }));
}
