import { nameWords } from './name-words.js';
/**
 * Services whose APIs look like TikTok's legacy one (issue 3, "precision"). Code that names one of
 * them owns its `video.upload.failed`, `share_id` and `access_token` strings; nothing there is TikTok's.
 */
export const LOOKALIKE_SERVICES = [
  { name: 'Douyin', pattern: /douyin/i },
  { name: 'Bunny Stream', pattern: /bunny|b-cdn\.net|mediadelivery\.net/i },
  { name: 'Vimeo', pattern: /vimeo/i },
  { name: 'api.video', pattern: /api\.video|apivideo|api-video/i },
  { name: 'Mux', pattern: /\bmux\b|mux\.com|muxVideo|MuxWebhook/i },
  { name: 'Cloudflare Stream', pattern: /cloudflare[ _-]?stream|videodelivery\.net/i },
  { name: 'Facebook Graph', pattern: /graph\.facebook\.com/i },
  { name: 'YouTube', pattern: /youtube|googleapis\.com\/upload\/youtube/i },
] as const;

/** Words that say TikTok in a route, a name or a header (DESIGN.md "How a finding is anchored"). */
export const TIKTOK_MARKER = /tik[-_ ]?tok/i;

/** `redirect_uri=https://www.tiktok.com/auth/authorize/`: a page of TikTok's own sent as where the user comes back. */
export const TIKTOK_OWN_PAGE = /^https?:\/\/(?:[\w-]+\.)*tiktok(?:apis)?\.com(?:[/?#]|$)/i;

/**
 * Other services an app posting to TikTok also posts to, by the words their names are written with
 * (`YOUTUBE_SECRETS.web.client_secret`, `instagramClientSecret`, `config.google.redirectUri`): a
 * value named for one of them is that service's, never TikTok's, whatever else its name says.
 */
const OTHER_SERVICE_WORDS = new Set([
  'youtube',
  'yt',
  'google',
  'gcp',
  'facebook',
  'fb',
  'meta',
  'instagram',
  'ig',
  'threads',
  'twitter',
  'x',
  'linkedin',
  'pinterest',
  'snapchat',
  'snap',
  'reddit',
  'twitch',
  'discord',
  'spotify',
  'github',
  'gitlab',
  'stripe',
  'paypal',
  'shopify',
  'slack',
  'dropbox',
  'vimeo',
  'bluesky',
  'mastodon',
  'apple',
  'microsoft',
  'azure',
  'aws',
  'amazon',
  'kick',
  'douyin',
]);

export function namesOtherService(text: string): boolean {
  // `import.meta.env.VITE_TIKTOK_CLIENT_SECRET`: `meta` there is the module's, not the company's.
  const words = nameWords(text.replaceAll('import.meta', 'import'));
  return words.some((word) => OTHER_SERVICE_WORDS.has(word));
}
