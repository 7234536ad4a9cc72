/**
 * Markdown that shows text and values exactly: a value in a code span or fenced block comes back
 * character for character from any CommonMark renderer, whatever backticks, pipes, HTML or
 * asterisks it holds. Linear in the text.
 */

/** The longest run of `character` in `text`. */
function longestRun(text: string, character: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text[i] === character ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * A one-line value as an inline code span: delimited by more backticks than it holds in a row,
 * and padded with a space where CommonMark would otherwise eat its own (a value that starts or
 * ends with a backtick, or that starts and ends with a space).
 */
export function codeSpan(value: string): string {
  const fence = '`'.repeat(longestRun(value, '`') + 1);
  const stripped = value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '';
  const pad = value.startsWith('`') || value.endsWith('`') || stripped ? ' ' : '';
  return fence + pad + value + pad + fence;
}

/** A multi-line value as a fenced code block, each line indented by `indent` (to sit inside a list item). */
export function fencedBlock(value: string, indent: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(value, '`') + 1));
  return [indent + fence, ...value.split('\n').map((line) => (line === '' ? '' : indent + line)), indent + fence];
}

/** Characters that would start markup inline: each is written with a backslash. */
const INLINE_MARKUP = /[\\`*_[\]<>&~|!#]/g;

/** Plain text (a label, a title, a note) as markdown that shows it as written, on one line. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(INLINE_MARKUP, (c) => '\\' + c);
}
