import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, str } from '@core/model/nodes';
import { isRichTextTag, RICH_TEXT_TAG_LIST } from '@core/knowledge/richText';
import { fromPointer } from '@core/model/jsonPointer';
import type { FixContext, QuickFix, Rule } from '../rule';
import type { OfferDiagnostic } from '../diagnostic';
import { quickFix } from '../../edits/quickFix';
import { HtmlAttribute, parseRichText } from './richText';
import { rangesInString } from './stringRanges';

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
    const { tags } = parseRichText(html);
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
  const rangeOf = rangesInString(document, node);
  const reported = document.offsetAt(diagnostic.range.start);
  const reportedEnd = document.offsetAt(diagnostic.range.end);
  const at = (start: number, end: number) => {
    const target = rangeOf(start, end) as { offset: number; length: number };
    return target.offset === reported && target.offset + target.length === reportedEnd;
  };
  const removal = (start: number, end: number, title: string): QuickFix[] => {
    const from = rangeOf(start, start) as { offset: number };
    const to = rangeOf(end, end) as { offset: number };
    return quickFix(context, title, [{ offset: from.offset, length: to.offset - from.offset, content: '' }], true);
  };
  for (const tag of parseRichText(html).tags) {
    if (tag.name === 'script' && at(tag.start, tag.end)) {
      const close = html.toLowerCase().indexOf('</script', tag.end);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      return closeEnd < 0 ? [] : removal(tag.start, closeEnd + 1, t('Remove the <script> element'));
    }
    for (const attribute of tag.attributes) {
      if (isEventHandler(attribute) && at(attribute.start, attribute.end)) {
        let start = attribute.start;
        while (start > tag.start && /\s/.test(html[start - 1])) {
          start--;
        }
        return removal(start, attribute.end, t("Remove the attribute '{0}'", attribute.name));
      }
    }
  }
  return [];
}
