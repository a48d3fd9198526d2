/**
 * TikTok settings shared by the OAuth flow (src/tiktok/oauth.ts) and both uploaders
 * (src/tiktok/upload-fetch.ts for the web editor, src/tiktok/upload-axios.ts for the render queue).
 */
export const TIKTOK_API_BASE = 'https://open-api.tiktok.com';

export const TIKTOK_UPLOAD_URL = `${TIKTOK_API_BASE}/share/video/upload/`;
export const TIKTOK_TOKEN_URL = `${TIKTOK_API_BASE}/oauth/access_token/`;
export const TIKTOK_USER_INFO_URL = `${TIKTOK_API_BASE}/user/info/`;

export const TIKTOK_SCOPES = ['user.info.basic', 'video.upload'] as const;

export const tiktok = {
  clientKey: process.env.TIKTOK_CLIENT_KEY ?? '',
  clientSecret: process.env.TIKTOK_CLIENT_SECRET ?? '',
  redirectUri: process.env.TIKTOK_REDIRECT_URI ?? 'http://localhost:3000/auth/tiktok/callback',
  /** Share Video accepted up to 50 MB (64 MB per the migration notice). */
  maxUploadBytes: 50 * 1024 * 1024,
};

export const bunny = {
  libraryId: process.env.BUNNY_LIBRARY_ID ?? '',
  apiKey: process.env.BUNNY_API_KEY ?? '',
};
