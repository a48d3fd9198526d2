import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function notesOf(fixture: string, input: string, transform = 'rewrite-upload-call'): readonly string[] {
  const file = path.join(FIXTURES, transform, fixture, input);
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

  it('a user info asking for profile and stats fields notes the scopes they need since the User Info scope migration', () => {
    const notes = notesOf('user-info-profile-and-stats-fields', 'input.js', 'rewrite-display-api');
    expect(notes.filter((note) => note.includes('user.info.profile') && note.includes('bio_description'))).toHaveLength(1);
    expect(notes.filter((note) => note.includes('user.info.stats') && note.includes('follower_count'))).toHaveLength(1);
  });

  it('a user info asking for basic fields only says nothing about scopes', () => {
    const notes = notesOf('user-info-axios-get-bearer-header', 'input.ts', 'rewrite-display-api');
    expect(notes.filter((note) => note.includes('user.info.'))).toEqual([]);
  });
});
