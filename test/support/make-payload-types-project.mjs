#!/usr/bin/env node
// Writes a TypeScript project for timing the project pass: `types.ts` declares TikTok's webhook
// content (`share_id`) beside a DB row type that also has one, and the other files read, destructure
// and build that content through parameters, promises and arrays, the way real handlers do.
//   node test/support/make-payload-types-project.mjs <folder> [files, default 20]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [folder, count = '20'] = process.argv.slice(2);
if (!folder) throw new Error('usage: make-payload-types-project.mjs <folder> [files]');
const others = Math.max(2, Number(count) - 2);
const write = (name, text) => {
  mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
  writeFileSync(path.join(folder, name), text);
};

write(
  'src/types.ts',
  `/** What TikTok posts to our webhook. */
export interface TikTokWebhookEvent {
  client_key: string;
  event: string;
  create_time: number;
  user_openid: string;
  content: string;
}

/** The parsed content of a TikTok webhook event. */
export interface TikTokWebhookContent {
  share_id: string;
  reason?: string;
}

/** Our own table: its share_id is our key. */
export interface ShareRow {
  share_id: string;
  published: boolean;
}
`,
);
write(
  'src/parse.ts',
  `import type { TikTokWebhookContent, TikTokWebhookEvent } from './types.js';

export async function parseContent(event: TikTokWebhookEvent): Promise<TikTokWebhookContent> {
  return JSON.parse(event.content) as TikTokWebhookContent;
}
`,
);
for (let index = 1; index <= others; index++) {
  const id = String(index).padStart(2, '0');
  const previous =
    index > 1 ? `import { handle${String(index - 1).padStart(2, '0')} } from './handler-${String(index - 1).padStart(2, '0')}.js';\n` : '';
  write(
    `src/handlers/handler-${id}.ts`,
    `import { parseContent } from '../parse.js';
import type { ShareRow, TikTokWebhookContent, TikTokWebhookEvent } from '../types.js';
${previous.replace('./', './')}
const rows = new Map<string, ShareRow>();

export function describe${id}(content: TikTokWebhookContent): string {
  return \`post \${content.share_id} (\${content.reason ?? 'no reason'})\`;
}

export function ids${id}(contents: readonly TikTokWebhookContent[]): string[] {
  return contents.map(({ share_id }) => share_id).filter((share_id) => rows.has(share_id));
}

export async function handle${id}(event: TikTokWebhookEvent): Promise<string> {
  const content = await parseContent(event);
  const row = rows.get(content.share_id);
  if (row) row.published = true;
  const copy: TikTokWebhookContent = { share_id: content.share_id, reason: content.reason };
  return ${index > 1 ? `describe${id}(copy) + (await handle${String(index - 1).padStart(2, '0')}(event))` : `describe${id}(copy)`};
}

export function remember${id}(row: ShareRow): void {
  rows.set(row.share_id, row);
}
`,
  );
}
console.log(`${others + 2} files in ${folder}`);
