import * as assert from 'assert';
import type { InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { CONTRIBUTOR_ROLE_ID, READER_ROLE_ID } from '@core/catalog/roleCatalog';
import { editingService, offerDocument } from '../../support/editingHarness';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

function hintsOf(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): InlayHint[] {
  return editingService().service.inlayHints(offerDocument(text), range);
}

/** The text just before each hint, so that a test sees where the editor shows it. */
function placed(text: string, hints: InlayHint[]): string[] {
  const document = offerDocument(text);
  return hints.map((hint) => {
    const offset = document.offsetAt(hint.position);
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
    return `${text.slice(Math.max(0, offset - 12), offset)} ⟨${label}⟩`;
  });
}

describe('inlay hints', () => {
  it('name the role after every role id of the example, right after its closing quote', () => {
    const hints = hintsOf(EXAMPLE_OFFER_TEXT);
    assert.deepStrictEqual(
      hints.map((hint) => hint.label),
      [
        'Contributor',
        'Reader',
        'Managed Services Registration assignment Delete Role',
        'User Access Administrator',
        'Contributor', // the role UAA may assign
        'Contributor', // the eligible authorization
      ],
    );
    assert.deepStrictEqual(placed(EXAMPLE_OFFER_TEXT, hints).slice(0, 2), [
      `${CONTRIBUTOR_ROLE_ID.slice(-11)}" ⟨Contributor⟩`,
      `${READER_ROLE_ID.slice(-11)}" ⟨Reader⟩`,
    ]);
    assert.ok(hints.every((hint) => hint.paddingLeft === true));
    assert.ok((hints[0].tooltip as MarkupContent).value.includes('Grants full access'));
  });

  it('give no hint for an unknown id, a role name, or a GUID that is not a role id', () => {
    const text = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, '"11111111-2222-4333-8444-555555555555"').replace(
      `"${READER_ROLE_ID}" // Reader`,
      '"Reader"',
    );
    const labels = hintsOf(text).map((hint) => hint.label);
    assert.deepStrictEqual(labels, ['Managed Services Registration assignment Delete Role', 'User Access Administrator', 'Contributor', 'Contributor']);
    // The tenant id and principal ids are GUIDs too, and get no hint.
    assert.strictEqual(hintsOf('{"plans": [{"technicalConfiguration": {"tenantId": "' + READER_ROLE_ID + '"}}]}').length, 0);
  });

  it('give only the hints within the requested range', () => {
    const document = offerDocument(EXAMPLE_OFFER_TEXT);
    const start = document.positionAt(EXAMPLE_OFFER_TEXT.indexOf('"SOC Analysts"'));
    const end = document.positionAt(EXAMPLE_OFFER_TEXT.indexOf('"Access Managers"'));
    assert.deepStrictEqual(
      hintsOf(EXAMPLE_OFFER_TEXT, { start, end }).map((hint) => hint.label),
      ['Reader', 'Managed Services Registration assignment Delete Role'],
    );
  });

  it('never throw on half-broken offers', () => {
    for (const text of ['', '{', '{"plans": [{"technicalConfiguration": {"authorizations": [{"roleDefinitionId": "', '{"plans": 3}', '[{"plans": []}]']) {
      assert.doesNotThrow(() => hintsOf(text), text);
    }
    const cut = EXAMPLE_OFFER_TEXT.slice(0, EXAMPLE_OFFER_TEXT.indexOf('// Reader'));
    assert.deepStrictEqual(hintsOf(cut).map((hint) => hint.label), ['Contributor', 'Reader']);
  });
});
