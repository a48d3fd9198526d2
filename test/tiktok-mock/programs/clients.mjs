// One adapter per HTTP client: the three calls the legacy and the migrated flows need, each through
// that client's own network code. Every adapter answers errors as data, never by throwing, so a
// program can print what the server said.
//
//   postForm(url, bytes, filename) → { status, body }           multipart, part "video" (legacy §2.2)
//   postJson(url, token, json)     → { status, body }           Bearer + JSON (v2 §3.2, §5)
//   put(url, headers, bytes)       → { status, contentRange }   raw chunk (v2 §4.1)
//
// Each client's library is imported only when that client is asked for: a program loads what a
// real application using that client would load, and starts as fast.

import https from 'node:https';

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function fetchAdapter(fetchImpl, FormDataImpl, BlobImpl) {
  return {
    async postForm(url, bytes, filename) {
      const form = new FormDataImpl();
      form.append('video', new BlobImpl([bytes], { type: 'video/mp4' }), filename);
      const response = await fetchImpl(url, { method: 'POST', body: form });
      return { status: response.status, body: parse(await response.text()) };
    },
    async postJson(url, token, json) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(json),
      });
      return { status: response.status, body: parse(await response.text()) };
    },
    async put(url, headers, bytes) {
      const response = await fetchImpl(url, { method: 'PUT', headers, body: bytes });
      await response.arrayBuffer();
      return { status: response.status, contentRange: response.headers.get('content-range') };
    },
  };
}

async function nodeHttps() {
  const { default: FormDataPackage } = await import('form-data');
  const send = (url, options, body) =>
    new Promise((resolve, reject) => {
      const req = https.request(url, options, (res) => {
        const parts = [];
        res.on('data', (part) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
      });
      req.on('error', reject);
      if (typeof body?.pipe === 'function') body.pipe(req);
      else req.end(body);
    });
  return {
    async postForm(url, bytes, filename) {
      const form = new FormDataPackage();
      form.append('video', bytes, { filename, contentType: 'video/mp4' });
      const res = await send(url, { method: 'POST', headers: form.getHeaders() }, form);
      return { status: res.status, body: parse(res.text) };
    },
    async postJson(url, token, json) {
      const body = JSON.stringify(json);
      const res = await send(
        url,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json; charset=UTF-8',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        body,
      );
      return { status: res.status, body: parse(res.text) };
    },
    async put(url, headers, bytes) {
      const res = await send(url, { method: 'PUT', headers: { ...headers, 'Content-Length': bytes.length } }, bytes);
      return { status: res.status, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function axiosClient() {
  const { default: axios } = await import('axios');
  const { default: FormDataPackage } = await import('form-data');
  return {
    async postForm(url, bytes, filename) {
      const form = new FormDataPackage();
      form.append('video', bytes, { filename, contentType: 'video/mp4' });
      const res = await axios.post(url, form, { headers: form.getHeaders(), validateStatus: () => true, maxBodyLength: Infinity });
      return { status: res.status, body: res.data };
    },
    async postJson(url, token, json) {
      const res = await axios.post(url, json, {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=UTF-8' },
        validateStatus: () => true,
      });
      return { status: res.status, body: res.data };
    },
    async put(url, headers, bytes) {
      const res = await axios.put(url, bytes, { headers, validateStatus: () => true, maxBodyLength: Infinity, maxContentLength: Infinity });
      return { status: res.status, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function gotClient() {
  const { got } = await import('got');
  return {
    async postForm(url, bytes, filename) {
      const form = new FormData();
      form.append('video', new Blob([bytes], { type: 'video/mp4' }), filename);
      const res = await got.post(url, { body: form, throwHttpErrors: false, retry: { limit: 0 } });
      return { status: res.statusCode, body: parse(res.body) };
    },
    async postJson(url, token, json) {
      const res = await got.post(url, { json, headers: { Authorization: `Bearer ${token}` }, throwHttpErrors: false, retry: { limit: 0 } });
      return { status: res.statusCode, body: parse(res.body) };
    },
    async put(url, headers, bytes) {
      const res = await got.put(url, { body: bytes, headers, throwHttpErrors: false, retry: { limit: 0 } });
      return { status: res.statusCode, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function superagentClient() {
  const { default: superagent } = await import('superagent');
  return {
    async postForm(url, bytes, filename) {
      const res = await superagent
        .post(url)
        .ok(() => true)
        .attach('video', bytes, { filename, contentType: 'video/mp4' });
      return { status: res.status, body: res.body };
    },
    async postJson(url, token, json) {
      const res = await superagent
        .post(url)
        .ok(() => true)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(json);
      return { status: res.status, body: res.body };
    },
    async put(url, headers, bytes) {
      const res = await superagent
        .put(url)
        .ok(() => true)
        .set(headers)
        .send(bytes);
      return { status: res.status, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function requestClient() {
  const { default: request } = await import('request-promise');
  return {
    async postForm(url, bytes, filename) {
      const res = await request.post({
        uri: url,
        formData: { video: { value: bytes, options: { filename, contentType: 'video/mp4' } } },
        simple: false,
        resolveWithFullResponse: true,
      });
      return { status: res.statusCode, body: parse(res.body) };
    },
    async postJson(url, token, json) {
      const res = await request.post({
        uri: url,
        body: json,
        json: true,
        headers: { Authorization: `Bearer ${token}` },
        simple: false,
        resolveWithFullResponse: true,
      });
      return { status: res.statusCode, body: res.body };
    },
    async put(url, headers, bytes) {
      const res = await request.put({ uri: url, body: bytes, headers, simple: false, resolveWithFullResponse: true });
      return { status: res.statusCode, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function kyClient() {
  const { default: ky } = await import('ky');
  return {
    async postForm(url, bytes, filename) {
      const form = new FormData();
      form.append('video', new Blob([bytes], { type: 'video/mp4' }), filename);
      const res = await ky.post(url, { body: form, throwHttpErrors: false, retry: 0 });
      return { status: res.status, body: parse(await res.text()) };
    },
    async postJson(url, token, json) {
      const res = await ky.post(url, { json, headers: { Authorization: `Bearer ${token}` }, throwHttpErrors: false, retry: 0 });
      return { status: res.status, body: parse(await res.text()) };
    },
    async put(url, headers, bytes) {
      const res = await ky.put(url, { body: bytes, headers, throwHttpErrors: false, retry: 0 });
      await res.arrayBuffer();
      return { status: res.status, contentRange: res.headers.get('content-range') };
    },
  };
}

async function undiciClient() {
  const undici = await import('undici');
  return {
    ...fetchAdapter(undici.fetch, undici.FormData, Blob),
    // undici's own request API for the JSON and the chunks: the path most undici users take.
    async postJson(url, token, json) {
      const res = await undici.request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(json),
      });
      return { status: res.statusCode, body: parse(await res.body.text()) };
    },
    async put(url, headers, bytes) {
      const res = await undici.request(url, { method: 'PUT', headers, body: bytes });
      await res.body.dump();
      return { status: res.statusCode, contentRange: res.headers['content-range'] ?? null };
    },
  };
}

async function nodeFetchClient() {
  const { default: nodeFetch, Blob, FormData } = await import('node-fetch');
  return fetchAdapter(nodeFetch, FormData, Blob);
}

const loaders = {
  fetch: async () => fetchAdapter(globalThis.fetch, FormData, Blob),
  https: nodeHttps,
  axios: axiosClient,
  got: gotClient,
  'node-fetch': nodeFetchClient,
  undici: undiciClient,
  superagent: superagentClient,
  'request-promise': requestClient,
  ky: kyClient,
};

export const clientNames = Object.keys(loaders);

export async function loadClient(name) {
  const load = loaders[name];
  if (!load) throw new Error(`unknown client ${name}; one of ${clientNames.join(', ')}`);
  return load();
}
