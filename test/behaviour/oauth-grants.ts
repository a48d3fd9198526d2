import { DEFAULT_OAUTH, DEFAULT_USERS, mockRequest, type TikTokMock } from '../support/tiktok-mock/index.js';

/** The app the mock knows: its key, secret and registered redirect URI. */
export const APP = {
  $CLIENT_KEY: DEFAULT_OAUTH.clientKey,
  $CLIENT_SECRET: DEFAULT_OAUTH.clientSecret,
  $REDIRECT_URI: DEFAULT_OAUTH.redirectUris[0],
};

/** The creator whose grants the behaviour tests use. */
export const USER = DEFAULT_USERS.alice;

/**
 * The tokens of `generation`, got the way the app got them: a code exchanged on that generation's
 * route, for the user's scopes and `moreScopes` (`video.list`).
 */
export async function tokensOf(
  mock: TikTokMock,
  generation: 'v1' | 'v2',
  moreScopes: readonly string[] = [],
): Promise<{ access_token: string; refresh_token: string }> {
  const code = mock.issueCode(USER.openId, [...USER.scopes, ...moreScopes], generation);
  const query = new URLSearchParams({
    client_key: APP.$CLIENT_KEY,
    client_secret: APP.$CLIENT_SECRET,
    code,
    grant_type: 'authorization_code',
  });
  const answer =
    generation === 'v1'
      ? (await mockRequest(mock, `https://${mock.hosts.legacy}/oauth/access_token/?${query}`, { method: 'POST' })).json().data
      : (
          await mockRequest(mock, `https://${mock.hosts.contentPosting}/v2/oauth/token/`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `${query}&redirect_uri=${encodeURIComponent(APP.$REDIRECT_URI)}`,
          })
        ).json();
  return answer as { access_token: string; refresh_token: string };
}
