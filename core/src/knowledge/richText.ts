/**
 * The tags of Partner Center's rich-text editor: the only ones a listing description may hold.
 * `description-html` reports any other tag; the listing preview drops them (keeping their text).
 */
export const RICH_TEXT_TAGS: readonly string[] = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'div'];

const RICH_TEXT_TAG_SET: ReadonlySet<string> = new Set(RICH_TEXT_TAGS);

/** Whether the rich-text editor produces this tag (`name` lowercase, as HTML parsers give it). */
export function isRichTextTag(name: string): boolean {
  return RICH_TEXT_TAG_SET.has(name);
}

/** The tags as messages and docs list them: "p, br, b, …, h1–h6, a, span, div". */
export const RICH_TEXT_TAG_LIST: string = listTags(RICH_TEXT_TAGS);

function listTags(tags: readonly string[]): string {
  const headings = tags.filter((tag) => /^h[1-6]$/.test(tag));
  const listed: string[] = [];
  for (const tag of tags) {
    if (!headings.includes(tag)) {
      listed.push(tag);
    } else if (tag === headings[0]) {
      listed.push(headings.length > 1 ? `${headings[0]}–${headings[headings.length - 1]}` : tag);
    }
  }
  return listed.join(', ');
}
