import { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { fromPointer } from '@core/model/jsonPointer';
import { entries, items, str } from '@core/model/nodes';
import { editsToTextEdits, modifyAt } from '../fixEdits';
import type { Rule } from '../rule';
import { checkWebUrl, isEnvReference, withHttpsScheme } from './addresses';

/** A field that holds a web address: `url`, any `…Url`, and every entry of `supportUrls`. */
function isUrlField(key: string, parentKey: string | undefined): boolean {
  return key === 'url' || /.Url$/.test(key) || parentKey === 'supportUrls';
}

/**
 * Every URL field of the offer, found by walking the tree with an explicit stack (a hostile file
 * may nest deeply; recursion would be the first thing to break). The plans are not walked: a plan
 * has no link field (the schema reports any key it doesn't know), and they are nearly all of a
 * large offer's nodes, which this walk would visit again on every keystroke.
 */
function urlValues(root: Node): { key: string; node: Node }[] {
  const found: { key: string; node: Node }[] = [];
  const stack: { node: Node; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (node.type === 'array') {
      for (const item of items(node)) {
        stack.push({ node: item, key: undefined });
      }
    } else if (node.type === 'object') {
      for (const entry of entries(node)) {
        if (!entry.valueNode || (node.parent === undefined && entry.key === 'plans')) {
          continue;
        }
        if (entry.valueNode.type === 'string' && isUrlField(entry.key, key)) {
          found.push({ key: entry.key, node: entry.valueNode });
        } else {
          stack.push({ node: entry.valueNode, key: entry.key });
        }
      }
    }
  }
  return found.sort((a, b) => a.node.offset - b.node.offset);
}

export const urlFormat: Rule = {
  code: 'url-format',
  severity: 'error',
  docs: 'Partner Center accepts only absolute https (or http) URLs in link fields; a bare domain or another scheme is refused.',
  check({ root, report }) {
    for (const { key, node } of urlValues(root)) {
      const value = str(node) ?? '';
      if (isEnvReference(value)) {
        continue;
      }
      const result = checkWebUrl(value);
      if (result.kind === 'ok') {
        continue;
      }
      if (result.kind === 'empty') {
        report(node, t('{0} is empty: give an absolute URL that starts with https://.', key));
      } else if (result.kind === 'scheme') {
        report(node, t("'{0}' is a {1} address: {2} must be a web address that starts with https:// (or http://).", quoteValue(value), quoteValue(result.scheme), key));
      } else {
        const suggestion = withHttpsScheme(value);
        if (suggestion) {
          report(node, t("'{0}' is not an absolute URL: use '{1}'.", quoteValue(value), quoteValue(suggestion)), { suggestion });
        } else {
          report(node, t("'{0}' is not an absolute URL: write the full address, starting with https://.", quoteValue(value)));
        }
      }
    }
  },
  fix(diagnostic, { document, formatting }) {
    const suggestion = diagnostic.data?.suggestion;
    if (typeof suggestion !== 'string') {
      return [];
    }
    const edits = modifyAt(document, fromPointer(diagnostic.path), suggestion, formatting);
    return [{ title: t("Add https:// ('{0}')", quoteValue(suggestion)), edits: editsToTextEdits(document, edits), isPreferred: true }];
  },
};
