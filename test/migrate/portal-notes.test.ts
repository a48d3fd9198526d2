import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';

const UPLOADS = path.resolve(import.meta.dirname, '../../fixtures/rewrite-upload-call');

function notesOf(fixture: string, input: string): readonly string[] {
  const file = path.join(UPLOADS, fixture, input);
  return transformSource(readFileSync(file, 'utf8'), file).notes;
}

// What the app needs in TikTok's developer portal is said once for the run, not as a TODO in the code.
describe('portal settings in the notes', () => {
  it('an upload rewritten to PULL_FROM_URL notes that TikTok pulls only from verified domains', () => {
    const notes = notesOf('axios-json-video-url-hybrid', 'input.js');
    expect(notes.filter((note) => note.includes('PULL_FROM_URL') && note.includes('verified'))).toHaveLength(1);
  });

  it('an upload of the bytes says nothing about domains', () => {
    expect(notesOf('axios-multer-file-buffer', 'input.js').filter((note) => note.includes('PULL_FROM_URL'))).toEqual([]);
  });
});
