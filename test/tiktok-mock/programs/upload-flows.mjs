// A stand-in for application code: uploads one video the legacy way (Share Video API) and the
// migrated way (inbox init, then PUT chunks by the floor rule), with the HTTP client named on the
// command line, against the real TikTok URLs it gets from the environment. Prints one JSON line.
//
//   node upload-flows.mjs <client> <video path> <chunk size>
//   env: LEGACY_URL, INIT_URL, STATUS_URL, TOKEN, OPEN_ID

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadClient } from './clients.mjs';

const [clientName, videoPath, chunkSizeArg] = process.argv.slice(2);
const client = await loadClient(clientName);
const { LEGACY_URL, INIT_URL, STATUS_URL, TOKEN, OPEN_ID } = process.env;
const video = readFileSync(videoPath);
const chunkSize = Number(chunkSizeArg);

// Before: one multipart POST, credentials in the query.
const legacyUrl = `${LEGACY_URL}?open_id=${encodeURIComponent(OPEN_ID)}&access_token=${encodeURIComponent(TOKEN)}`;
const legacy = await client.postForm(legacyUrl, video, basename(videoPath));

// After: init with the chunk plan, then each chunk, then the status.
const totalChunkCount = Math.floor(video.length / chunkSize);
const init = await client.postJson(INIT_URL, TOKEN, {
  source_info: { source: 'FILE_UPLOAD', video_size: video.length, chunk_size: chunkSize, total_chunk_count: totalChunkCount },
});
const puts = [];
for (let index = 0; index < totalChunkCount && init.body?.error?.code === 'ok'; index += 1) {
  const first = index * chunkSize;
  const last = index === totalChunkCount - 1 ? video.length - 1 : first + chunkSize - 1;
  const headers = { 'Content-Type': 'video/mp4', 'Content-Range': `bytes ${first}-${last}/${video.length}` };
  puts.push(await client.put(init.body.data.upload_url, headers, video.subarray(first, last + 1)));
}
const status = init.body?.data ? await client.postJson(STATUS_URL, TOKEN, { publish_id: init.body.data.publish_id }) : undefined;

process.stdout.write(`${JSON.stringify({ legacy, init, puts, status })}\n`);
