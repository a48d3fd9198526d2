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
