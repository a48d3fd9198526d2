/**
 * The lower-case words of a name or a text: `TikTokVideoUploadFailedContent` is `tik`, `tok`, `video`,
 * `upload`, `failed`, `content`; camel case and any other character part them.
 */
export function nameWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
}
