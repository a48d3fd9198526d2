import axios from 'axios';
import { TIKTOK_SCOPES, TIKTOK_TOKEN_URL, TIKTOK_USER_INFO_URL, tiktok } from '../config.js';

interface TokenResponse {
  data: {
    access_token: string;
    open_id: string;
    refresh_token: string;
    expires_in: number;
    error_code: number;
    description: string;
  };
  message: string;
}

export function authorizeUrl(state: string): string {
  const params = new URLSearchParams({
    client_key: tiktok.clientKey,
    scope: TIKTOK_SCOPES.join(','),
    response_type: 'code',
    redirect_uri: tiktok.redirectUri,
    state,
  });
  return `https://www.tiktok.com/auth/authorize/?${params}`;
}

export async function exchangeCode(code: string): Promise<TokenResponse['data']> {
  const { data } = await axios.post<TokenResponse>(TIKTOK_TOKEN_URL, null, {
    params: { client_key: tiktok.clientKey, client_secret: tiktok.clientSecret, code, grant_type: 'authorization_code' },
  });
  if (data.data.error_code !== 0) {
    throw new Error(`TikTok login failed: ${data.data.description}`);
  }
  return data.data;
}

export async function fetchDisplayName(accessToken: string): Promise<string> {
  const res = await fetch(TIKTOK_USER_INFO_URL + '?access_token=' + accessToken, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fields: ['open_id', 'display_name'] }),
  });
  const json = (await res.json()) as { data: { user: { display_name: string } } };
  return json.data.user.display_name;
}
