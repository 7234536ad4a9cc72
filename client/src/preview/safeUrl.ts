/**
 * The URL as an absolute http(s) (or, when allowed, mailto) URL, normalised by the URL parser;
 * undefined for anything else (`javascript:`, `data:`, relative paths, garbage). The preview keeps
 * only such links, and the extension opens only such links. No `vscode` here.
 */
export function safeUrl(value: unknown, allowMail = false): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const allowed = url.protocol === 'https:' || url.protocol === 'http:' || (allowMail && url.protocol === 'mailto:');
  return allowed ? url.href : undefined;
}
