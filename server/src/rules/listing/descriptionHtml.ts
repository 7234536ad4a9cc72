import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { HtmlAttribute, parseRichText } from './richText';
import { rangesInString } from './stringRanges';

/** The tags Partner Center's rich-text editor produces, and so the only ones a description may hold. */
const ALLOWED_TAGS = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'div']);
const ALLOWED_LIST = 'p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div';

/**
 * A URL that runs script when followed. Browsers ignore whitespace and control characters inside
 * the scheme (`java\tscript:`), so they are removed before looking.
 */
function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  return /(^|[^a-z0-9+.-])(javascript|vbscript):/.test(squeezed);
}

function isEventHandler(attribute: HtmlAttribute): boolean {
  return /^on/i.test(attribute.name);
}

export const descriptionHtml: Rule = {
  code: 'description-html',
  severity: 'error',
  docs: "The description may use only the rich-text editor's tags (p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div), and never scripts, event handlers or javascript: links.",
  check({ root, document, report }) {
    const node = at(root, 'listing', 'description');
    const html = str(node);
    if (!node || html === undefined || !html.includes('<')) {
      return;
    }
    const { tags } = parseRichText(html);
    // One diagnostic per disallowed tag name (on its first use): a pasted table should not bury
    // the Problems panel under one entry per cell.
    const counts = new Map<string, number>();
    for (const tag of tags) {
      if (!ALLOWED_TAGS.has(tag.name)) {
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
      } else if (!ALLOWED_TAGS.has(tag.name) && !reported.has(tag.name)) {
        reported.add(tag.name);
        const count = counts.get(tag.name) ?? 1;
        report(
          where(),
          count > 1
            ? t("The description uses <{0}> ({1} times), which the marketplace's rich-text editor doesn't allow: use only {2}.", quoteValue(tag.name), count, ALLOWED_LIST)
            : t("The description uses <{0}>, which the marketplace's rich-text editor doesn't allow: use only {1}.", quoteValue(tag.name), ALLOWED_LIST),
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
};
