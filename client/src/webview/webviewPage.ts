/**
 * The page every webview of the extension is (the listing preview, the hand-off): a strict
 * Content Security Policy — nothing by default, styles and (when asked) images only from the
 * webview's own source, and one script, the extension's own file, allowed by a fresh nonce — no
 * inline style or script, and the escaping every piece of untrusted text goes through. Pure, no
 * `vscode` here, so the renderers that use it are tested as they are.
 */

export interface WebviewPageInput {
  /** A fresh random value per rendering; anything but base64 characters is dropped from it. */
  nonce: string;
  /** `webview.cspSource`: where the stylesheet (and images, when allowed) may come from. */
  cspSource: string;
  /** Whether the page shows images (from `cspSource` only). */
  images?: boolean;
  /** Webview URIs of the extension's stylesheet and script. */
  styleUri: string;
  scriptUri: string;
  /** The document's language (`en`, `ko`). */
  language: string;
  title: string;
  /**
   * Which offer the page shows (its URI), as `data-offer-uri` of `<html>`: the script keeps what it
   * remembers across re-renders (scroll, folded sections) only while the page shows that offer.
   */
  offerUri?: string;
  /** Where the reader had scrolled to; the script restores it after a re-render. */
  scrollY?: number;
  /** Attributes of `<body>` besides the scroll position, already escaped (`name="value" …`). */
  bodyAttributes?: string;
  /** The body's markup, every text of it already escaped. */
  body: string;
}

export function webviewPage(input: WebviewPageInput): string {
  const nonce = input.nonce.replace(/[^A-Za-z0-9+/=]/g, '');
  const csp = [
    "default-src 'none'",
    ...(input.images ? [`img-src ${input.cspSource}`] : []),
    `style-src ${input.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const scrollY = Math.max(0, Math.floor(Number(input.scrollY) || 0));
  return `<!DOCTYPE html>
<html lang="${attr(input.language)}"${input.offerUri === undefined ? '' : ` data-offer-uri="${attr(input.offerUri)}"`}>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>${text(input.title)}</title>
</head>
<body data-scroll-y="${scrollY}"${input.bodyAttributes ? ` ${input.bodyAttributes}` : ''}>
${input.body}
<script nonce="${nonce}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content. */
export function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escapes text for a double-quoted attribute value. */
export function attr(value: string): string {
  return text(value);
}
