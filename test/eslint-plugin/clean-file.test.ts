import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_MARKERS } from '../../src/detect/migration-todos.js';
import plugin from '../../src/eslint-plugin/index.js';
import { ANALYSIS_MARKER_PATTERN, hasAnalysisMarker } from '../../src/eslint-plugin/analysis-marker.js';

/**
 * A file without any analysis marker (most of a project: issue 8) must cost the plugin one text scan
 * and no listener, and a file with one must still be analysed.
 */
const rules = Object.entries(plugin.rules as Record<string, Rule.RuleModule>);
const CLEAN = "import { share } from 'rxjs';\nexport const video = source.pipe(share()); // tiktok-free\n";

/** Enough of a rule context for `create()`, with a count of how often the file's text is read. */
function fakeContext(text: string, filename = 'file.ts') {
  const reads = { count: 0 };
  const sourceCode = {
    get text() {
      reads.count++;
      return text;
    },
  };
  const context = { sourceCode, settings: {}, options: [], filename } as unknown as Rule.RuleContext;
  return { context, reads };
}

describe('the marker test', () => {
  it.for(ANALYSIS_MARKERS)('finds %s alone and inside other text', (marker) => {
    expect(hasAnalysisMarker(marker)).toBe(true);
    expect(hasAnalysisMarker(`const url = \`https://x/${marker}?a=1\`;\n`)).toBe(true);
  });

  it.for(ANALYSIS_MARKERS)('does not take %s as a pattern: it misses it with a character changed or dropped', (marker) => {
    for (let at = 0; at < marker.length; at++) {
      for (const text of [marker.slice(0, at) + marker.slice(at + 1), `${marker.slice(0, at)}\u0000${marker.slice(at + 1)}`]) {
        expect(hasAnalysisMarker(text), JSON.stringify(text)).toBe(ANALYSIS_MARKERS.some((other) => text.includes(other)));
      }
    }
  });

  it('is exactly the list of markers, one alternative each', () => {
    expect(ANALYSIS_MARKER_PATTERN.source.split('|').length).toBe(ANALYSIS_MARKERS.length);
    expect(ANALYSIS_MARKER_PATTERN.flags).toBe('');
  });
});

describe('a rule on a file without any marker', () => {
  it.for(rules)('%s registers no listener', ([, rule]) => {
    expect(Object.keys(rule.create(fakeContext(CLEAN).context))).toEqual([]);
  });

  it('reads the text once for all the rules', () => {
    const { context, reads } = fakeContext(CLEAN);
    for (const [, rule] of rules) rule.create(context);
    expect(reads.count).toBe(1);
  });

  it.for(ANALYSIS_MARKERS)('listens again once the file holds %s', (marker) => {
    for (const [, rule] of rules) {
      expect(Object.keys(rule.create(fakeContext(`${CLEAN}// ${marker}\n`).context))).toEqual(['Program:exit']);
    }
  });

  it('through ESLint: nothing on the clean file, a finding once it holds a TODO of ours', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [plugin.configs.recommended];
    expect(linter.verify(CLEAN, config, 'clean.js')).toEqual([]);
    const marked = linter.verify(`${CLEAN}// TODO(migrate-share-video): check the scopes\n`, config, 'marked.js');
    expect(marked.map((m) => m.ruleId)).toEqual(['migrate-share-video/no-migration-todo']);
  });
});

describe('a file without any marker that imports a legacy value', () => {
  it('is analysed, as --check reads it again for the names a legacy module exports', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'msv-clean-'));
    try {
      writeFileSync(path.join(folder, 'links.js'), "export const POST_URL = 'https://open-api.tiktok.com/share/video/upload/';\n");
      const importer = path.join(folder, 'post.js');
      const text = "import { POST_URL } from './links.js';\nexport const send = (body) => fetch(POST_URL, { method: 'POST', body });\n";
      expect(hasAnalysisMarker(text)).toBe(false);
      for (const [, rule] of rules) expect(Object.keys(rule.create(fakeContext(text, importer).context))).toEqual(['Program:exit']);
      // The same text importing a module that exports nothing legacy stays unread.
      writeFileSync(path.join(folder, 'links.js'), "export const POST_URL = 'https://example.com/upload';\n");
      for (const [, rule] of rules) expect(Object.keys(rule.create(fakeContext(text, importer).context))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
