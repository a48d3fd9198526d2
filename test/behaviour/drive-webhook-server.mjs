// Runs a webhook fixture's server as a program of its own: `createTikTokWebhookServer(secret)` from
// the module, listening on 127.0.0.1 (a free port). Prints `LISTENING <port>`; when its stdin ends,
// prints what the store holds, `RESULT <json>`, and exits.
import { pathToFileURL } from 'node:url';

const [modulePath, clientSecret] = process.argv.slice(2);
const { createTikTokWebhookServer } = await import(pathToFileURL(modulePath).href);
const { server, store } = createTikTokWebhookServer(clientSecret);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
process.stdout.write(`LISTENING ${server.address().port}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`RESULT ${JSON.stringify(store)}\n`);
  server.close(() => process.exit(0));
});
