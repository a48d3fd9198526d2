import { describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';

// Two reads of the id in one link (the body read two ways): one TODO in the code, and one line of the report.
const LINK_FROM_TWO_READS = [
  'export async function share(token: string, clip: Blob) {',
  '  const form = new FormData();',
  "  form.append('video', clip);",
  "  const reply = await fetch('https://open-api.tiktok.com/share/video/upload/?access_token=' + token, { method: 'POST', body: form });",
  '  const body = await reply.json();',
  '  const id = body.data?.share_id || body.share_id;',
  '  return `https://www.tiktok.com/@me/video/${id}`;',
  '}',
  '',
].join('\n');

describe('a TODO the codemod writes once is reported once', () => {
  it('the link built from two reads of the upload id', () => {
    const { output, outcomes } = transformSource(LINK_FROM_TWO_READS, 'share.ts');
    const link = /^this link to the post is built from/;
    expect(output.match(/TODO\(migrate-share-video\): this link to the post/g)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.action === 'todo' && link.test(outcome.message))).toHaveLength(1);
  });
});
