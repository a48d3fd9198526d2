// The smallest legacy program: global fetch, real URL, no helper. Used with an explicit
// `node --import <loopback-dns.mjs>` to show the preload alone is enough.
const url = `${process.env.LEGACY_URL}?open_id=${process.env.OPEN_ID}&access_token=${process.env.TOKEN}`;
const form = new FormData();
form.append('video', new Blob([Buffer.from('not really an mp4')], { type: 'video/mp4' }), 'clip.mp4');
const response = await fetch(url, { method: 'POST', body: form });
process.stdout.write(`${JSON.stringify({ status: response.status, body: await response.json() })}\n`);
