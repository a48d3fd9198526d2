import { describe, expect, it } from 'vitest';
import { analyzeModule } from '../../src/detect/analyze-module.js';
import { DECLINED_BELOW_HINT, DECLINED_HINT } from '../../src/detect/declined-sites.js';
import { parseModule } from '../../src/detect/parse.js';
import { CODEMOD_HINT } from '../../src/detect/rule-catalog.js';

const CALL = [
  'export async function send(stream, token) {',
  '  const form = new FormData();',
  "  form.append('video', stream);",
  '  return fetch(`https://open-api.tiktok.com/share/video/upload/?open_id=1&access_token=${token}`, {',
  "    method: 'POST',",
  '    body: form,',
  '  });',
  '}',
];

function hints(lines: string[]) {
  const text = `${lines.join('\n')}\n`;
  return analyzeModule(parseModule(text, 'send.js'), text, 'send.js')
    .findings.filter((finding) => finding.data.hint !== undefined)
    .map((finding) => [finding.ruleId, finding.data.hint]);
}

describe('a site the codemod declined is the person’s, and its findings say so', () => {
  it('says to run the codemod where no TODO stands above the site', () => {
    const found = hints(CALL);
    expect(found.length).toBeGreaterThan(2);
    expect(found.every(([, hint]) => hint === CODEMOD_HINT)).toBe(true);
  });

  it('never says to run the codemod for the tokens of a request whose endpoint nothing replaces', () => {
    const sound = [
      'export async function shareSound(form, openId, token) {',
      '  return fetch(`https://open-api.tiktok.com/share/sound/upload/?open_id=${openId}&access_token=${token}`, {',
      "    method: 'POST',",
      '    body: form,',
      '  });',
      '}',
    ];
    const tokens = hints(sound).filter(([ruleId]) => ruleId === 'no-token-in-query');
    expect(tokens).toHaveLength(2);
    expect(tokens.every(([, hint]) => hint !== CODEMOD_HINT && !String(hint).includes('migrate-share-video'))).toBe(true);
  });

  it('points at the TODO above the statement, for every finding inside it, and only there', () => {
    const withTodo = [...CALL];
    withTodo.splice(3, 0, '  // TODO(migrate-share-video): cannot tell whether `stream` is bytes, a Blob or a stream');
    const found = hints(withTodo);
    const inCall = found.filter(([ruleId]) => ruleId !== 'no-form-data-video-upload');
    expect(inCall.length).toBeGreaterThan(1);
    expect(inCall.every(([, hint]) => hint === DECLINED_HINT)).toBe(true);
    // The multipart field is its own statement, with no TODO above it.
    expect(found.filter(([ruleId]) => ruleId === 'no-form-data-video-upload').map(([, hint]) => hint)).toEqual([CODEMOD_HINT]);
  });

  it('points at the TODO of the request below from the statements right above it that build its query', () => {
    const revoke = (between: string[]) => [
      'export async function disconnect(openId, token) {',
      "  let url = 'https://open-api.tiktok.com/oauth/revoke/';",
      '  url += `?open_id=${openId}`;',
      '  url += `&access_token=${token}`;',
      ...between,
      "  // TODO(migrate-share-video): the v1 token revoke is not rewritten: v2 wants the app's `client_key` here",
      "  return fetch(url, { method: 'POST' });",
      '}',
    ];
    const near = hints(revoke([])).filter(([ruleId]) => ruleId === 'no-token-in-query');
    expect(near.map(([, hint]) => hint)).toEqual([DECLINED_BELOW_HINT, DECLINED_BELOW_HINT]);
    // Farther than a few statements, the query is not that TODO's to hold.
    const far = hints(revoke(['  log(1);', '  log(2);', '  log(3);', '  log(4);'])).filter(([ruleId]) => ruleId === 'no-token-in-query');
    expect(far.map(([, hint]) => hint)).toEqual([CODEMOD_HINT, CODEMOD_HINT]);
  });

  it('points at the TODO that opens an `else if` branch from a finding in that branch’s test', () => {
    const chain = (todo: string[]) => [
      'export async function post(kind, stream, token) {',
      "  if (kind === 'draft') {",
      '    return null;',
      "  } else if (fetch(`https://open-api.tiktok.com/share/video/upload/?access_token=${token}`, { method: 'POST', body: stream })) {",
      ...todo,
      '    return true;',
      '  }',
      '}',
    ];
    const inTest = (lines: string[]) => hints(lines).filter(([ruleId]) => ruleId === 'no-token-in-query');
    expect(inTest(chain([])).map(([, hint]) => hint)).toEqual([CODEMOD_HINT]);
    const held = inTest(chain(['    // TODO(migrate-share-video): port this upload by hand']));
    expect(held.map(([, hint]) => hint)).toEqual([DECLINED_HINT]);
  });
});
