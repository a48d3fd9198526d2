import { describe, expect, it } from 'vitest';
import { migrateInMemory } from '../../src/migrate/migrate-in-memory.js';

/** A settings module that only holds TikTok's v1 token URL and legacy upload URL. */
const settings = `export const tiktokEndpoints = {
  exchange: 'https://open-api.tiktok.com/oauth/access_token/',
  upload: 'https://open-api.tiktok.com/share/video/upload/',
};
`;

/** A module of the app that sends the code exchange through that setting. */
const callback = `import axios from 'axios';
import { tiktokEndpoints } from './settings';

export async function exchangeCode(code: string): Promise<string> {
  const reply = await axios.post(tiktokEndpoints.exchange, null, {
    params: { client_key: process.env.TIKTOK_CLIENT_KEY, client_secret: process.env.TIKTOK_CLIENT_SECRET, code, grant_type: 'authorization_code' },
  });
  return reply.data.data.access_token;
}
`;

describe('a legacy URL a module exports and never sends itself', () => {
  it('is repointed where it is defined when a module of the run imports it', () => {
    const [migrated] = migrateInMemory([
      { file: '/app/src/settings.ts', text: settings },
      { file: '/app/src/callback.ts', text: callback },
    ]);
    expect(migrated.output).toContain("exchange: 'https://open.tiktokapis.com/v2/oauth/token/'");
    expect(migrated.output).toContain("upload: 'https://open.tiktokapis.com/v2/post/publish/inbox/video/init/'");
    expect(migrated.output).not.toContain('TODO(migrate-share-video)');
  });

  it('keeps its URL and a TODO when no module of the run imports it: its senders are out of sight', () => {
    const [migrated] = migrateInMemory([{ file: '/app/src/settings.ts', text: settings }]);
    expect(migrated.output).toContain("exchange: 'https://open-api.tiktok.com/oauth/access_token/'");
    expect(migrated.output).toContain("upload: 'https://open-api.tiktok.com/share/video/upload/'");
    expect(migrated.output).toContain('URL is exported, and no module of this run imports it');
    expect(migrated.output).toContain('this URL of the retired Share Video upload is exported, and no module of this run imports it');
  });
});
