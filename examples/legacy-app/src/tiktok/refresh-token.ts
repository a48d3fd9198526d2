import got from 'got';
import { TIKTOK_API_BASE, tiktok } from '../config.js';

interface RefreshResponse {
  data: {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    refresh_expires_in: number;
    error_code: number;
    description: string;
  };
  message: string;
}

/** Hourly cron: refreshes creator tokens that expire within the next day. */
export async function refreshAccessToken(refreshToken: string): Promise<RefreshResponse['data']> {
  const { data } = await got
    .post(`${TIKTOK_API_BASE}/oauth/refresh_token/`, {
      searchParams: {
        client_key: tiktok.clientKey,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      },
    })
    .json<RefreshResponse>();
  if (data.error_code !== 0) {
    throw new Error(`TikTok token refresh failed: ${data.description}`);
  }
  return data;
}
