import { describe, expect, it } from 'vitest';
import { namesOtherService } from '../../src/contract/index.js';

describe('namesOtherService: a value named for another platform is never TikTok’s', () => {
  it.each([
    'YOUTUBE_SECRETS.web.client_secret',
    'instagramClientSecret',
    'config.google.redirectUri',
    'process.env.X_CLIENT_SECRET',
    'fbAppSecret',
  ])('%s names another service', (name) => expect(namesOtherService(name)).toBe(true));
  it.each([
    'TIKTOK_CLIENT_SECRET',
    'this.clientSecret',
    'config.tiktok.clientSecret',
    'process.env.CLIENT_SECRET',
    'metadataSecret',
    'snapshotKey',
    'import.meta.env.VITE_TIKTOK_CLIENT_SECRET',
  ])('%s does not', (name) => expect(namesOtherService(name)).toBe(false));
});
