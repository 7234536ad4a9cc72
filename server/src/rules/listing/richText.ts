/**
 * The listing description as the marketplace reads it: HTML from its rich-text editor. Parsed with
 * htmlparser2 (the parser sanitize-html uses, so we see tags and attributes exactly as a
 * sanitizer would), never with regular expressions, which obfuscated markup slips past.
 */
import type { Node } from 'jsonc-parser';
import { Parser } from 'htmlparser2';
import { perVersion } from '@core/model/caching';
import { str } from '@core/model/nodes';

export interface HtmlAttribute {
  name: string;
  /** Entity-decoded, as a browser would use it. */
  value: string;
  /** Indices into the HTML source. */
  start: number;
  end: number;
}

export interface HtmlTag {
  /** Lowercased. */
  name: string;
  start: number;
  end: number;
  attributes: HtmlAttribute[];
}

export interface RichText {
  tags: HtmlTag[];
  /**
   * The readable text (entities decoded, script and style content left out), with a line break
   * wherever a block starts or ends, so that a heading and the paragraph after it don't run
   * together into one sentence.
   */
  text: string;
}

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th']);
const NOT_READ = new Set(['script', 'style']);

/**
 * The rich text of a string node, parsed once per node (the value of a node never changes:
 * core/src/model/caching.ts): the rules that read the description and their quick fixes share it.
 */
export const richTextOf = perVersion((node: Node): RichText => parseRichText(str(node) ?? ''));

export function parseRichText(html: string): RichText {
  const tags: HtmlTag[] = [];
  let pendingAttributes: HtmlAttribute[] = [];
  const textParts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onattribute(name, value) {
        pendingAttributes.push({ name, value, ...trimmedSpan(html, parser.startIndex, parser.endIndex) });
      },
      onopentag(name) {
        tags.push({ name, start: parser.startIndex, end: parser.endIndex + 1, attributes: pendingAttributes });
        pendingAttributes = [];
        if (NOT_READ.has(name)) {
          hiddenDepth++;
        } else if (BLOCKS.has(name)) {
          textParts.push('\n');
        }
      },
      onclosetag(name) {
        if (NOT_READ.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
        } else if (BLOCKS.has(name)) {
          textParts.push('\n');
        }
      },
      ontext(text) {
        if (hiddenDepth === 0) {
          textParts.push(text);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { tags, text: textParts.join('') };
}

/**
 * htmlparser2 reports an unquoted attribute's end one character late (on the `>` or space that
 * ends it); trim that so a diagnostic covers exactly `name=value`.
 */
function trimmedSpan(html: string, start: number, endInclusive: number): { start: number; end: number } {
  let end = Math.min(endInclusive + 1, html.length);
  while (end > start + 1 && /[\s>/]/.test(html[end - 1])) {
    end--;
  }
  return { start, end };
}
