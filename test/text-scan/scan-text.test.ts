import { describe, expect, it } from 'vitest';
import { isTextScanTarget, scanText, scanTexts } from '../../src/text-scan/scan-text.js';

const brief = (text: string, file = 'app/upload.py') =>
  scanText(file, text).map(({ line, column, endColumn, ruleId, messageId, severity }) => ({
    line,
    column,
    endColumn,
    ruleId,
    messageId,
    severity,
  }));

describe('scanText: the legacy upload endpoint', () => {
  it.for([
    ['with the trailing slash', 'r = requests.post("https://open-api.tiktok.com/share/video/upload/", files=f)'],
    ['without the trailing slash', "curl -F video=@a.mp4 'https://open-api.tiktok.com/share/video/upload'"],
    ['with a query string', '$url = "https://open-api.tiktok.com/share/video/upload/?open_id=$id&access_token=$t";'],
    ['with escaped JSON slashes', '{"url": "https:\\/\\/open-api.tiktok.com\\/share\\/video\\/upload\\/"}'],
    ['without a scheme', 'upload_url: open-api.tiktok.com/share/video/upload/'],
    ['protocol-relative', 'const u = "//open-api.tiktok.com/share/video/upload/"'],
    ['at the end of a sentence', 'We post to https://open-api.tiktok.com/share/video/upload.'],
  ])('finds it %s', ([, line]) => {
    const findings = scanText('a.txt', line);
    expect(findings.map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([['text/legacy-share-endpoint', 'url', 'error']]);
  });

  it('anchors the finding on the URL, 1-based, end exclusive, without the query', () => {
    const line = 'r = post("https://open-api.tiktok.com/share/video/upload/?access_token=act.secret")';
    const [finding] = scanText('app/upload.py', `import requests\n${line}`);
    const url = 'https://open-api.tiktok.com/share/video/upload/';
    expect(finding).toMatchObject({
      file: 'app/upload.py',
      line: 2,
      endLine: 2,
      column: line.indexOf(url) + 1,
      endColumn: line.indexOf(url) + 1 + url.length,
    });
  });

  it('never prints a token from the query string', () => {
    const [finding] = scanText('a.sh', 'curl "https://open-api.tiktok.com/share/video/upload/?access_token=act.secret123"');
    expect(finding.message).not.toContain('act.secret123');
    expect(finding.message).toContain('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/');
  });

  it('reports each URL of a line', () => {
    const line = 'a = "https://open-api.tiktok.com/share/video/upload/"; b = "https://open-api.tiktok.com/share/video/upload"';
    const second = line.lastIndexOf('https://');
    expect(brief(line).map((f) => f.column)).toEqual([line.indexOf('https://') + 1, second + 1]);
  });

  it('counts columns after a byte order mark as an editor does', () => {
    expect(brief('\uFEFFu = "https://open-api.tiktok.com/share/video/upload/"')[0].column).toBe(6);
  });

  it('numbers lines the same for \\n, \\r\\n and \\r endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(brief(['# one', '# two', 'u = "https://open-api.tiktok.com/share/video/upload/"'].join(eol))[0].line).toBe(3);
    }
  });
});

describe('scanText: a base URL and a path built on another line', () => {
  it.for([
    ['Python f-string', 'url = f"{BASE}/share/video/upload/"'],
    ['Ruby interpolation', 'url = "#{BASE}/share/video/upload/"'],
    ['shell variable', 'curl -F video=@a.mp4 "$BASE/share/video/upload/"'],
    ['concatenation', "$url = $base . '/share/video/upload/';"],
    ['YAML value', 'upload_path: /share/video/upload/'],
  ])('finds the upload path in a %s when the file names the legacy host', ([, line]) => {
    const text = `BASE = "https://open-api.tiktok.com"\n${line}\n`;
    // The shell line's `-F video=@` is the upload's field, a finding of its own (below).
    const endpoints = brief(text).filter((finding) => finding.ruleId !== 'text/legacy-request-part');
    expect(endpoints).toMatchObject([{ line: 2, ruleId: 'text/legacy-share-endpoint' }]);
  });

  it('finds a v1 path and an unmapped legacy path the same way', () => {
    const text = [
      'TIKTOK_API = "https://open-api.tiktok.com"',
      'INFO = TIKTOK_API + "/user/info/"',
      'PUB = "{base}/share/video/publish/"',
    ].join('\n');
    expect(brief(text).map((f) => [f.line, f.ruleId])).toEqual([
      [2, 'text/v1-oauth-endpoint'],
      [3, 'text/unmapped-legacy-endpoint'],
    ]);
  });

  it.for([
    ['a PHP property', "    protected $apiBase = 'https://open-api.tiktok.com';"],
    ['a Python constant', 'TIKTOK_BASE_URL = "https://open-api.tiktok.com/"'],
    ['a Ruby constant', "  BASE = 'https://open-api.tiktok.com'.freeze"],
    ['a PHP array entry', "    'api_base' => 'https://open-api.tiktok.com',"],
    ['a Python constant named for the API', 'TIKTOK_API_URL = "https://open-api.tiktok.com"'],
  ])('reports the bare legacy host held as a base URL in %s', ([, line]) => {
    expect(brief(line).map((f) => [f.ruleId, f.messageId])).toEqual([['text/unmapped-legacy-endpoint', 'base']]);
  });

  it('says nothing of a bare host under a name that is no base (a redirect, an allow-list entry)', () => {
    expect(brief('REDIRECT_URL = "https://open-api.tiktok.com"')).toEqual([]);
    expect(brief('TIKTOK_LEGACY_API = "https://open-api.tiktok.com"')).toEqual([]);
  });

  it('says nothing of the base where a path built on it is reported, nor in a config file', () => {
    expect(brief('BASE_URL = "https://open-api.tiktok.com"\nurl = f"{BASE_URL}/share/video/upload/"').map((f) => f.line)).toEqual([2]);
    expect(brief('base_url: https://open-api.tiktok.com', 'config/tiktok.yml')).toEqual([]);
  });

  it('says nothing of the bare host under a name that is not a base URL (an allow-list entry)', () => {
    expect(brief('ALLOWED_HOSTS = ["https://open-api.tiktok.com"]\nCSP_CONNECT = "https://open-api.tiktok.com"')).toEqual([]);
  });

  it('leaves bare paths alone in a file that never names the legacy host', () => {
    expect(brief('url = f"{BASE}/share/video/upload/"\npath: /user/info/')).toEqual([]);
  });

  it('reports a v2 path put on the legacy host with the v2 endpoint it means, or none', () => {
    const found = scanText(
      'app/tiktok.py',
      'USER = "https://open-api.tiktok.com/v2/user/info/"\nPOST = "https://open-api.tiktok.com/v2/post/video/init/"',
    );
    expect(found.map((f) => [f.line, f.ruleId, f.messageId])).toEqual([
      [1, 'text/unmapped-legacy-endpoint', 'v2PathOnLegacyHost'],
      [2, 'text/unmapped-legacy-endpoint', 'v2PathOnLegacyHost'],
    ]);
    expect(found[0].message).toContain('GET https://open.tiktokapis.com/v2/user/info/?fields=');
    expect(found[1].message).toContain('/v2/post/video/init/ is none of its endpoints');
  });

  it('does not take a v2 path on the new host for a v1 one', () => {
    const text = 'OLD = "https://open-api.tiktok.com"\nNEW = "https://open.tiktokapis.com/v2/user/info/"\nx = "$NEW_BASE/v2/oauth/revoke/"';
    expect(brief(text)).toEqual([]);
  });
});

describe('scanText: v1 OAuth and user endpoints', () => {
  it.for([
    ['/oauth/access_token/', 'https://open-api.tiktok.com/oauth/access_token/?client_key=k'],
    ['/oauth/refresh_token/', 'https://open-api.tiktok.com/oauth/refresh_token'],
    ['/user/info/', 'https://open-api.tiktok.com/user/info/'],
    ['/auth/authorize/ on www.tiktok.com', 'https://www.tiktok.com/auth/authorize/?client_key=k&scope=video.upload'],
  ])('reports %s as a warning with the purpose and the replacement', ([, url]) => {
    const [finding, ...rest] = scanText('config.yml', `url: "${url}"`);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'text/v1-oauth-endpoint', messageId: 'url', severity: 'warning' });
    expect(finding.message).toMatch(/endpoint of the retired v1 API: use /);
  });

  it('fills purpose and replacement from the contract', () => {
    const [finding] = scanText('a.go', 'const tokenURL = "https://open-api.tiktok.com/oauth/access_token/"');
    expect(finding.message).toBe(
      'https://open-api.tiktok.com/oauth/access_token/ is the v1 code-to-token exchange endpoint of the retired v1 API: use POST https://open.tiktokapis.com/v2/oauth/token/ (this file is reported, not rewritten)',
    );
  });

  it('does not report the v2 authorize page', () => {
    expect(brief('https://www.tiktok.com/v2/auth/authorize/?client_key=k', 'README.md')).toEqual([]);
  });

  it('does not report other pages of www.tiktok.com', () => {
    expect(brief('See https://www.tiktok.com/@someone/video/123', 'README.md')).toEqual([]);
  });
});

describe('scanText: other paths on the legacy host', () => {
  it.for([['/some/future/path']])('reports %s as unmapped, naming the path', ([path]) => {
    const [finding] = scanText('client.rb', `URL = "https://open-api.tiktok.com${path}"`);
    expect(finding).toMatchObject({ ruleId: 'text/unmapped-legacy-endpoint', messageId: 'url', severity: 'error' });
    expect(finding.message.startsWith(`${path} on the retired v1 host`)).toBe(true);
  });

  // The Sound Kit's share went with the Share Video API, and nothing replaces it: no "port it" there.
  it('reports /share/sound/upload/ as a call nothing replaces', () => {
    const [finding] = scanText('client.rb', 'URL = "https://open-api.tiktok.com/share/sound/upload/"');
    expect(finding).toMatchObject({ ruleId: 'text/unmapped-legacy-endpoint', messageId: 'withoutSuccessor', severity: 'error' });
    expect(finding.message).toContain('nothing replaces it');
    expect(finding.message).not.toContain('port it');
  });

  // Steps written around the upload that the legacy host never served: the finding says what replaces them.
  it.for([
    ['/share/video/publish/', 'Direct Post'],
    ['/video/create/', 'delete this step'],
    ['/share/video/upload/init/', 'the Content Posting upload starts at POST'],
    ['/video/init/', 'then a PUT of the bytes'],
  ])('reports %s as a step the legacy host never served, with what replaces it', ([path, advice]) => {
    const [finding] = scanText('client.rb', `URL = "https://open-api.tiktok.com${path}"`);
    expect(finding).toMatchObject({ ruleId: 'text/unmapped-legacy-endpoint', messageId: 'imaginedStep', severity: 'error' });
    expect(finding.message.startsWith(`${path} was never served by the retired v1 host`)).toBe(true);
    expect(finding.message).toContain(advice);
  });
});

describe('scanText: what is not a finding', () => {
  it.for([
    ['a bare base URL', 'TIKTOK_API_BASE=https://open-api.tiktok.com'],
    ['a base URL with a slash', 'base_url: "https://open-api.tiktok.com/"'],
    ['a host name alone', 'host: open-api.tiktok.com'],
    ['the Content Posting host', 'url = "https://open.tiktokapis.com/v2/post/publish/inbox/video/init/"'],
    ['a longer host name', 'url = "https://open-api.tiktok.com.example.net/share/video/upload/"'],
    ['a subdomain of another host', 'url = "https://xopen-api.tiktok.com/share/video/upload/"'],
    ['the share path on another host', 'url = "https://open.douyin.com/share/video/upload/"'],
  ])('%s', ([, text]) => {
    expect(brief(text, '.env')).toEqual([]);
  });
});

describe('scanText: legacy webhook event names', () => {
  it('renames them in a file that says TikTok', () => {
    const text = '# TikTok webhook\nif event == "video.upload.failed":\n    pass\n';
    expect(brief(text)).toEqual([
      { line: 2, column: 14, endColumn: 33, ruleId: 'text/legacy-webhook-event', messageId: 'rename', severity: 'error' },
    ]);
    expect(scanText('a.py', text)[0].message).toContain("use 'post.publish.failed'");
  });

  it('gives one finding for video.publish.completed, with its own name, and one for video.publish.complete', () => {
    const text = 'tiktok:\n  events: [video.publish.completed, video.publish.complete]';
    const findings = scanText('hooks.yml', text);
    expect(findings.map((f) => [f.column, f.message.match(/'([^']+)'/)?.[1]])).toEqual([
      [12, 'video.publish.completed'],
      [37, 'video.publish.complete'],
    ]);
  });

  it.for([
    ['a longer dotted name before', 'tiktok: custom.video.upload.failed'],
    ['a longer dotted name after', 'tiktok: video.upload.failed.v2'],
    ['a word after', 'tiktok: video.publish.completely'],
    ['an identifier around it', 'tiktok: my_video.upload.failed_count'],
  ])('ignores the name inside %s', ([, text]) => {
    expect(brief(text)).toEqual([]);
  });

  it('accepts the name at the end of a sentence', () => {
    expect(brief('TikTok sends video.upload.failed.', 'docs.md')).toHaveLength(1);
  });

  it('says nothing in a file that names a lookalike service and not TikTok', () => {
    for (const owner of ['# Bunny Stream webhook', '// Vimeo', 'MUX_SECRET = os.environ["MUX_SECRET"]  # mux']) {
      expect(brief(`${owner}\nif e == "video.upload.failed": pass`)).toEqual([]);
    }
  });

  it('reports an ownerless name as an ambiguous warning', () => {
    expect(brief('case "video.upload.failed":', 'Handler.java')).toEqual([
      { line: 1, column: 7, endColumn: 26, ruleId: 'text/legacy-webhook-event', messageId: 'ambiguous', severity: 'warning' },
    ]);
  });

  it('takes TikTok over a lookalike when the file names both', () => {
    expect(brief('# tiktok and vimeo\nx = "video.upload.failed"')).toMatchObject([{ messageId: 'rename', severity: 'error' }]);
  });

  it('counts the legacy host as saying TikTok', () => {
    const text = 'TIKTOK_HOST = "https://open-api.tiktok.com"\nEVENT = "video.upload.failed"';
    expect(brief(text)).toMatchObject([{ ruleId: 'text/legacy-webhook-event', messageId: 'rename' }]);
  });
});

describe('scanText: a web page', () => {
  it('reports the legacy upload in an inline <script> of an .html page, and its webhook event', () => {
    const page = [
      '<!doctype html>',
      '<button id="share">Share to TikTok</button>',
      '<script>',
      "  document.getElementById('share').onclick = async () => {",
      "    const res = await fetch('https://open-api.tiktok.com/share/video/upload/?open_id=' + openId + '&access_token=' + token, { method: 'POST', body: form });",
      "    if (event.type === 'video.publish.completed') done();",
      '  };',
      '</script>',
    ].join('\n');
    expect(brief(page, 'public/share.html').map(({ line, ruleId }) => [line, ruleId])).toEqual([
      [5, 'text/legacy-share-endpoint'],
      [6, 'text/legacy-webhook-event'],
    ]);
  });
});

describe('isTextScanTarget', () => {
  it.for([
    'app/upload.py',
    'src/Upload.java',
    'lib/client.rb',
    'main.go',
    'api.php',
    'Client.cs',
    'deploy.sh',
    'config.yaml',
    '.github/workflows/ci.yml',
    'fixtures/hook.json',
    'README.md',
    '.env',
    '.env.example',
    'config/.env.production',
    'C:\\app\\.env.local',
    'App.vue',
    'Upload.svelte',
    'public/share.html',
    'legacy/index.htm',
    'views/share.ejs',
    'src/pages/share.astro',
  ])('scans %s', (path) => {
    expect(isTextScanTarget(path)).toBe(true);
  });

  it.for(['src/upload.ts', 'src/upload.js', 'logo.png', 'Makefile', 'notes.txt', '.envrc', 'environment.ts', 'env'])(
    'leaves %s to others',
    (path) => {
      expect(isTextScanTarget(path)).toBe(false);
    },
  );
});

describe('scanTexts: the parts of a legacy request in code that calls the retired host', () => {
  const HOST = 'TOKEN_URL = "https://open-api.tiktok.com/user/info/"';
  const parts = (text: string, file = 'app/client.py') =>
    brief(text, file)
      .filter((finding) => finding.ruleId === 'text/legacy-request-part')
      .map(({ line, messageId }) => [line, messageId]);

  it.for([
    ['a query built piece by piece', "$url = $this->profile . '?access_token=' . $token;", 'app/client.php'],
    ['Go url.Values', 'q.Add("open_id", openID)', 'app/client.go'],
    ['OkHttp', '.addQueryParameter("access_token", token)', 'App.java'],
    ['a Python params dict', 'r = session.get(profile, params={"access_token": token})', 'app/client.py'],
  ])('reports a token put in the query: %s', ([, line, file]) => {
    expect(parts(`${HOST}\n${line}\n`, file)).toEqual([[2, 'queryToken']]);
  });

  it('leaves the query of a line that names the legacy URL to that finding', () => {
    expect(parts('r = requests.get("https://open-api.tiktok.com/user/info/?access_token=" + token)')).toEqual([]);
  });

  it('reports the v1 answer fields spelled as keys, and never a token read from an answer', () => {
    const text = `${HOST}\nif data["data"]["error_code"]:\n    raise Failed(data["data"]["error_msg"])\ntoken = data["data"]["access_token"]\n`;
    expect(parts(text)).toEqual([
      [2, 'answerField'],
      [3, 'answerField'],
    ]);
  });

  it('reports the video field only where the upload is sent', () => {
    const form = 'curl -F \'video=@clip.mp4\' "$URL"';
    expect(parts(`${HOST}\n${form}\n`, 'upload.sh')).toEqual([]);
    expect(parts(`URL="https://open-api.tiktok.com/share/video/upload/"\n${form}\n`, 'upload.sh')).toEqual([[2, 'videoField']]);
  });

  it('says nothing of these names in code that never calls the retired host, nor in docs and config', () => {
    const lines = 'q.Add("open_id", id)\nif body["error_code"] != nil {}\n';
    expect(parts(lines, 'other.go')).toEqual([]);
    expect(parts(`${HOST}\n${lines}`, 'README.md')).toEqual([]);
  });

  it('shares the constants and answer fields of a Go package between its files', () => {
    const constants =
      'package tt\nconst tokenEndpoint = "https://open-api.tiktok.com/oauth/access_token/"\ntype failure struct {\n\tCode int `json:"error_code"`\n}\n';
    const caller = 'package tt\nfunc Exchange() {\n\treq, _ := http.NewRequest("POST", tokenEndpoint, nil)\n\tfmt.Println(f.Code)\n}\n';
    const findings = scanTexts([
      { path: 'tt/consts.go', text: constants },
      { path: 'tt/exchange.go', text: caller },
      { path: 'other/exchange.go', text: caller },
    ]);
    const caller1 = findings.filter((finding) => finding.file === 'tt/exchange.go').map(({ line, ruleId }) => [line, ruleId]);
    expect(caller1).toEqual([
      [3, 'text/v1-oauth-endpoint'],
      [4, 'text/legacy-request-part'],
    ]);
    expect(findings.filter((finding) => finding.file === 'other/exchange.go')).toEqual([]);
  });

  it('follows a name as common as url only down to its next assignment or function', () => {
    const text = [
      'def profile(token):',
      '    url = "https://open-api.tiktok.com/user/info/"',
      '    r = requests.get(url)',
      '    other = requests.get(url_for("x"))',
      '    url = "https://example.com/health"',
      '    requests.get(url)',
      'def ping():',
      '    requests.get(url)',
    ].join('\n');
    expect(brief(text).map(({ line }) => line)).toEqual([2, 3]);
  });
});
