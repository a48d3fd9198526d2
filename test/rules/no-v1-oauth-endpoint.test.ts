import rule from '../../src/eslint-plugin/rules/no-v1-oauth-endpoint.js';
import { runRuleTests } from '../support/rule-tester.js';

// Reported, never fixed: the v2 endpoints take other parameters and return other shapes.
const noFix = { output: null } as const;

runRuleTests('no-v1-oauth-endpoint', rule, {
  valid: [
    {
      name: 'the v2 token endpoint',
      filename: 'src/tiktok/oauth.ts',
      code: `
export const exchangeCode = (code: string, redirectUri: string) =>
  fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: process.env.TIKTOK_CLIENT_KEY!, code, grant_type: 'authorization_code', redirect_uri: redirectUri }),
  });
`,
    },
    {
      name: 'the v2 authorize page in a link (JSX)',
      filename: 'src/ConnectTikTok.jsx',
      code: `
export const ConnectTikTok = ({ query }) => <a href={\`https://www.tiktok.com/v2/auth/authorize/?\${query}\`}>Connect TikTok</a>;
`,
    },
    {
      name: "Douyin's v1-shaped OAuth on its own host",
      filename: 'src/douyin-oauth.js',
      code: `
export const douyinToken = (query) => fetch('https://open.douyin.com/oauth/access_token/?' + query, { method: 'POST' });
`,
    },
  ],
  invalid: [
    {
      name: 'the v1 code-to-token exchange with axios (TS)',
      filename: 'src/tiktok/oauth.ts',
      code: `
import axios from 'axios';

export async function exchangeCode(code: string) {
  const { data } = await axios.post('https://open-api.tiktok.com/oauth/access_token/', null, {
    params: { client_key: process.env.TIKTOK_CLIENT_KEY, client_secret: process.env.TIKTOK_CLIENT_SECRET, code, grant_type: 'authorization_code' },
  });
  return data.data;
}
`,
      ...noFix,
      errors: [
        { messageId: 'exchange', line: 5, suggestions: [] },
        { messageId: 'answerField', line: 8 },
      ],
    },
    {
      name: 'the v1 refresh in a template literal (JS)',
      filename: 'src/jobs/refresh-tokens.js',
      code: `
export async function refreshCreatorToken(creator) {
  const res = await fetch(
    \`https://open-api.tiktok.com/oauth/refresh_token/?client_key=\${process.env.TIKTOK_CLIENT_KEY}&grant_type=refresh_token&refresh_token=\${creator.refreshToken}\`,
    { method: 'POST' },
  );
  return (await res.json()).data.access_token;
}
`,
      ...noFix,
      errors: [{ messageId: 'refresh', line: 3 }],
    },
    {
      name: 'a redirect to the v1 authorize page (Express, TS)',
      filename: 'src/routes/login.ts',
      code: `
import type { Request, Response } from 'express';

export function startTikTokLogin(req: Request, res: Response): void {
  const params = new URLSearchParams({ client_key: process.env.TIKTOK_CLIENT_KEY!, scope: 'user.info.basic,video.upload', response_type: 'code' });
  res.redirect(\`https://open-api.tiktok.com/platform/oauth/connect/?\${params}\`);
}
`,
      ...noFix,
      errors: [{ messageId: 'authorize', line: 6 }],
    },
    {
      name: 'the www.tiktok.com v1 authorize link (JSX)',
      filename: 'src/ConnectTikTokButton.jsx',
      code: `
function buildAuthorizeUrl(state) {
  return \`https://www.tiktok.com/auth/authorize/?client_key=\${CLIENT_KEY}&scope=video.upload&response_type=code&state=\${state}\`;
}

export default function ConnectTikTokButton({ state }) {
  return <a className="btn btn-tiktok" href={buildAuthorizeUrl(state)}>Connect your TikTok account</a>;
}
`,
      ...noFix,
      errors: [{ messageId: 'authorize', line: 3 }],
    },
    {
      name: 'the v1 user info in a class (TSX)',
      filename: 'src/TikTokProfile.tsx',
      code: `
export class TikTokUserService {
  private static readonly USER_INFO = 'https://open-api.tiktok.com/user/info/';

  async displayName(accessToken: string): Promise<string> {
    const res = await fetch(TikTokUserService.USER_INFO, { method: 'POST', body: JSON.stringify({ access_token: accessToken }) });
    return (await res.json()).data.user.display_name;
  }
}

export const Name = ({ name }: { name: string }) => <strong>{name}</strong>;
`,
      ...noFix,
      errors: [{ messageId: 'userInfo', line: 6 }],
    },
    {
      name: 'the v1 video list (JS)',
      filename: 'src/videos.js',
      code: `
export async function latestVideos(openId, token) {
  const res = await fetch('https://open-api.tiktok.com/video/list/', {
    method: 'POST',
    body: JSON.stringify({ open_id: openId, access_token: token, cursor: 0, max_count: 10 }),
  });
  return (await res.json()).data.videos;
}
`,
      ...noFix,
      errors: [{ messageId: 'videoList', line: 3 }],
    },
    {
      name: "Login Kit's v1 user info, reported with its v2 successor and the codemod that rewrites it (TS)",
      filename: 'src/login.ts',
      code: `
export async function profile(openId: string, accessToken: string) {
  const res = await fetch(\`https://open-api.tiktok.com/oauth/userinfo/?open_id=\${openId}&access_token=\${accessToken}\`);
  return (await res.json()).data.display_name;
}
`,
      ...noFix,
      errors: [{ messageId: 'loginKitUserInfo', line: 3 }],
    },
  ],
});
