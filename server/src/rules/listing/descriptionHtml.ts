import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, str } from '@core/model/nodes';
import { isRichTextTag, RICH_TEXT_TAG_LIST } from '@core/knowledge/richText';
import { fromPointer } from '@core/model/jsonPointer';
import type { FixContext, QuickFix, Rule } from '../rule';
import type { OfferDiagnostic } from '../diagnostic';
import { quickFix } from '../../edits/quickFix';
import type { Node } from 'jsonc-parser';
import type { OfferDocument } from '@core/model/offerDocument';
import { HtmlAttribute, richTextOf } from './richText';
import { rangesInString, rawOffsetIn } from './stringRanges';

/**
 * A URL that runs script when followed. Browsers ignore whitespace and control characters inside
 * the scheme (`java\tscript:`), so they are removed before looking.
 */
function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers drop these characters from a URL before reading its scheme
  const squeezed = value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  return /(^|[^a-z0-9+.-])(javascript|vbscript):/.test(squeezed);
}

function isEventHandler(attribute: HtmlAttribute): boolean {
  return /^on/i.test(attribute.name);
}

export const descriptionHtml: Rule = {
  code: 'description-html',
  severity: 'error',
  docs: `The description may use only the rich-text editor's tags (${RICH_TEXT_TAG_LIST}), and never scripts, event handlers or javascript: links.`,
  check({ root, document, report }) {
    const node = at(root, 'listing', 'description');
    const html = str(node);
    if (!node || html === undefined || !html.includes('<')) {
      return;
    }
    const { tags } = richTextOf(node);
    // One diagnostic per disallowed tag name (on its first use): a pasted table should not bury
    // the Problems panel under one entry per cell.
    const counts = new Map<string, number>();
    for (const tag of tags) {
      if (!isRichTextTag(tag.name)) {
        counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
      }
    }
    const reported = new Set<string>();
    // Ranges are worked out only for what is reported: most descriptions have nothing to report.
    const rangeOf = rangesInString(document, node);
    for (const tag of tags) {
      const where = () => rangeOf(tag.start, tag.end);
      if (tag.name === 'script') {
        report(where(), t('The description contains a <script> element: remove it; the marketplace never runs scripts from a listing.'));
      } else if (!isRichTextTag(tag.name) && !reported.has(tag.name)) {
        reported.add(tag.name);
        const count = counts.get(tag.name) ?? 1;
        report(
          where(),
          count > 1
            ? t("The description uses <{0}> ({1} times), which the marketplace's rich-text editor doesn't allow: use only {2}.", quoteValue(tag.name), count, RICH_TEXT_TAG_LIST)
            : t("The description uses <{0}>, which the marketplace's rich-text editor doesn't allow: use only {1}.", quoteValue(tag.name), RICH_TEXT_TAG_LIST),
        );
      }
      for (const attribute of tag.attributes) {
        const span = () => rangeOf(attribute.start, attribute.end);
        if (isEventHandler(attribute)) {
          report(span(), t("The description's <{0}> has the event-handler attribute '{1}': remove it; script in a listing is refused.", quoteValue(tag.name), quoteValue(attribute.name)));
        } else if (isScriptUrl(attribute.value)) {
          report(span(), t("The description's <{0}> has a javascript: URL in '{1}': link to an https:// page instead.", quoteValue(tag.name), quoteValue(attribute.name)));
        }
      }
    }
  },
  fix(diagnostic, context) {
    return scriptFixes(diagnostic, context);
  },
};

/** What a fix removes, in offsets from the string literal's first character, and its title. */
interface Removal {
  from: number;
  to: number;
  title: () => string;
}

/**
 * What the messages say to remove: a `<script>` element (with its content and closing tag) or an
 * event-handler attribute. The description is read again and the diagnostic's range must still be
 * that tag or attribute; the edit removes the characters as written in the JSON string (escapes
 * included), so the string stays well formed.
 */
function scriptFixes(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  const { document } = context;
  const node = document.nodeAt(fromPointer(diagnostic.path));
  const html = str(node);
  if (!node || html === undefined || !html.includes('<')) {
    return [];
  }
  const from = document.offsetAt(diagnostic.range.start) - node.offset;
  const to = document.offsetAt(diagnostic.range.end) - node.offset;
  const removal = removalsIn(document, node).get(`${from}:${to}`);
  return removal ? quickFix(context, removal.title(), [{ offset: node.offset + removal.from, length: removal.to - removal.from, content: '' }], true) : [];
}

/**
 * The removals of a description by the span each tag or attribute it removes covers (`from:to`,
 * as a diagnostic's range, from the literal's first character); null where the span is a script
 * element without a closing tag, which is not removed. Made once per string node (everything in it
 * is relative to the node: core/src/model/caching.ts, rule 2), so that fixing thousands of event
 * handlers reads the description once, not once per fix. The first tag or attribute of a span wins.
 */
function removalsIn(document: OfferDocument, node: Node): ReadonlyMap<string, Removal | null> {
  const known = removals.get(node);
  if (known) {
    return known;
  }
  const html = str(node) ?? '';
  const found = new Map<string, Removal | null>();
  const raw = (index: number) => rawOffsetIn(document, node, index);
  const add = (start: number, end: number, removal: () => Removal | null) => {
    const from = raw(start);
    const key = `${from}:${Math.max(from, raw(end))}`;
    if (!found.has(key)) {
      found.set(key, removal());
    }
  };
  const closingScript = scriptEnds(html);
  for (const tag of richTextOf(node).tags) {
    if (tag.name === 'script') {
      add(tag.start, tag.end, () => {
        const closeEnd = closingScript(tag.end);
        return closeEnd < 0 ? null : { from: raw(tag.start), to: raw(closeEnd + 1), title: () => t('Remove the <script> element') };
      });
    }
    for (const attribute of tag.attributes) {
      if (isEventHandler(attribute)) {
        add(attribute.start, attribute.end, () => {
          let start = attribute.start;
          while (start > tag.start && /\s/.test(html[start - 1])) {
            start--;
          }
          return { from: raw(start), to: raw(attribute.end), title: () => t("Remove the attribute '{0}'", quoteValue(attribute.name)) };
        });
      }
    }
  }
  removals.set(node, found);
  return found;
}

const removals = new WeakMap<Node, ReadonlyMap<string, Removal | null>>();

/**
 * For positions asked in increasing order (the script tags, as parsed), the index of the `>` that
 * ends the first `</script` at or after each; -1 when there is none. One pass over the description
 * for all of them, where an `indexOf` from each tag would read the rest of it again each time.
 */
function scriptEnds(html: string): (from: number) => number {
  const lower = html.toLowerCase();
  let close = -2;
  let closeEnd = -2;
  return (from) => {
    if (close !== -1 && close < from) {
      close = lower.indexOf('</script', from);
    }
    if (close < 0) {
      return -1;
    }
    if (closeEnd !== -1 && closeEnd < close) {
      closeEnd = html.indexOf('>', close);
    }
    return closeEnd;
  };
}
