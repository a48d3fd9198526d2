import rule from '../../src/eslint-plugin/rules/no-migration-todo.js';
import { runRuleTests } from '../support/rule-tester.js';

// Never fixed: deleting the comment is the last step of doing what it says.
const noFix = { output: null } as const;

const mergeByHand = 'the legacy and the new event each have their own handling here: merge them by hand';
const unknownBytes = 'cannot tell whether `stream` is bytes, a Blob or a stream; pass its bytes or a Blob to the Content Posting upload';

runRuleTests('no-migration-todo', rule, {
  valid: [
    {
      name: "someone else's TODOs",
      filename: 'src/share.ts',
      code: `
// TODO: move the TikTok share to the Content Posting API before Sept 2023
// TODO(jane): migrate share video retries to the queue
export const retries = 3;
`,
    },
    {
      name: 'the marker in a string is no comment (a report that greps for it)',
      filename: 'scripts/count-todos.js',
      code: `
const MARKER = 'TODO(migrate-share-video):';
export const countTodos = (text) => text.split('\\n').filter((line) => line.includes(MARKER)).length;
`,
    },
    {
      name: 'a migrated webhook handler with nothing left to do (JSX)',
      filename: 'src/TikTokStatus.jsx',
      code: `
// Migrated from the Share Video API by migrate-share-video.
export const TikTokStatus = ({ event }) => <span>{event === 'post.publish.complete' ? 'Posted' : 'Pending'}</span>;
`,
    },
  ],
  invalid: [
    {
      name: 'a TODO above a case label the codemod could not merge (TS)',
      filename: 'src/webhooks/tiktok.ts',
      code: `
export async function onTikTokEvent(event: string, content: { publish_id: string }): Promise<void> {
  switch (event) {
    // TODO(migrate-share-video): ${mergeByHand}
    case 'video.upload.failed':
      await legacyFailures.add(content);
      break;
    case 'post.publish.failed':
      await failures.add(content);
      break;
  }
}
`,
      ...noFix,
      errors: [{ messageId: 'todo', data: { todo: mergeByHand }, line: 4, suggestions: [] }],
    },
    {
      name: 'every TODO of a file, in a file with no legacy marker left (JS)',
      filename: 'src/upload.js',
      code: `
export async function upload(stream, accessToken, size) {
  // TODO(migrate-share-video): ${unknownBytes}
  const init = await fetch('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + accessToken, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 } }),
  });
  // TODO(migrate-share-video): check error.code === 'ok' here
  return init.json();
}
`,
      ...noFix,
      errors: [
        { messageId: 'todo', data: { todo: unknownBytes }, line: 3 },
        { messageId: 'todo', data: { todo: "check error.code === 'ok' here" }, line: 9 },
      ],
    },
    {
      name: 'a TODO in a React component (TSX)',
      filename: 'src/UploadButton.tsx',
      code: `
export function UploadButton({ onDone }: { onDone: (status: number) => void }) {
  // TODO(migrate-share-video): the XHR upload now goes in chunks: report progress over all of them
  return <button onClick={() => onDone(200)}>Share to TikTok</button>;
}
`,
      ...noFix,
      errors: [{ messageId: 'todo', data: { todo: 'the XHR upload now goes in chunks: report progress over all of them' }, line: 3 }],
    },
    {
      name: 'a TODO beside a legacy read: only the TODO is this rule (JSX)',
      filename: 'src/ShareResult.jsx',
      code: `
export function ShareResult({ json }) {
  // TODO(migrate-share-video): \`share_id\` comes from a request that is not migrated yet: migrate the upload, then read data.publish_id
  return <code>{json.data.share_id}</code>;
}
`,
      ...noFix,
      errors: [
        {
          messageId: 'todo',
          data: { todo: '`share_id` comes from a request that is not migrated yet: migrate the upload, then read data.publish_id' },
          line: 3,
        },
      ],
    },
  ],
});
