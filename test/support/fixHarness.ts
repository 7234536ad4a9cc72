import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { ruleByCode } from '../../server/src/rules';
import type { OfferDiagnostic } from '../../server/src/rules/diagnostic';
import type { QuickFix } from '../../server/src/rules/rule';

/** The quick fixes a rule offers for one of its diagnostics on `text`. */
export function fixesFor(text: string, diagnostic: OfferDiagnostic): QuickFix[] {
  const rule = ruleByCode(diagnostic.code);
  assert.ok(rule?.fix !== undefined, `rule ${diagnostic.code} has no fix`);
  const document = OfferDocument.fromText(text, 'file:///ws/offer/offer.json');
  return rule.fix(diagnostic, {
    document,
    catalog: RoleCatalog.builtin(),
    formatting: { tabSize: 2, insertSpaces: true, eol: '\n' },
  });
}

/** Applies a fix's edits to the text (as the editor would). */
export function applyFix(text: string, fix: QuickFix): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), fix.edits);
}
