import express from 'express';
import { authorizeUrl, exchangeCode } from './tiktok/oauth.js';
import { tiktokWebhooks } from './webhooks/tiktok.js';
import { bunnyWebhooks } from './webhooks/bunny.js';

const app = express();

app.use(tiktokWebhooks);
app.use(bunnyWebhooks);

app.get('/auth/tiktok', (req, res) => {
  res.redirect(authorizeUrl(String(req.query.state ?? 'clipper')));
});

app.get('/auth/tiktok/callback', async (req, res, next) => {
  try {
    const token = await exchangeCode(String(req.query.code));
    res.json({ open_id: token.open_id, expires_in: token.expires_in });
  } catch (err) {
    next(err);
  }
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('clipper listening');
});
