/**
 * Files the text scanner reads: languages and config formats where a legacy URL or event name can
 * sit but that are not parsed as JavaScript (DESIGN.md "Non-JavaScript files"). Vue and Svelte
 * components are here too: their scripts are JavaScript that the JS parser never sees, and a legacy
 * call in them must not go unreported. So are web pages and their templates (`.html`, `.htm`, EJS,
 * Astro), whose inline `<script>` is where a browser app kept its share button.
 */
const TEXT_SCAN_EXTENSIONS = new Set([
  'py',
  'php',
  'go',
  'rb',
  'java',
  'kt',
  'cs',
  'sh',
  'bash',
  'zsh',
  'yaml',
  'yml',
  'json',
  'md',
  'markdown',
  'mdx',
  'vue',
  'svelte',
  'html',
  'htm',
  'ejs',
  'astro',
]);

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** True for `.env`, `.env.example` and every `.env.<stage>`: where base URLs of an API live. */
function isDotEnv(name: string): boolean {
  return name === '.env' || name.startsWith('.env.');
}

export function isTextScanTarget(path: string): boolean {
  const name = baseName(path).toLowerCase();
  if (isDotEnv(name)) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && TEXT_SCAN_EXTENSIONS.has(name.slice(dot + 1));
}
