import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { editingService, offerDocument, OFFER_LOCATION, offsetOf, positionAt } from '../../support/editingHarness';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

function hoverText(text: string, needle: string, occurrence = 0): string {
  const { service } = editingService();
  const hover = service.hover(offerDocument(text), positionAt(text, offsetOf(text, needle, 1, occurrence)), OFFER_LOCATION);
  assert.ok(hover, `no hover on ${needle}`);
  return (hover.contents as MarkupContent).value;
}

const ELIGIBLE_NOTE = 'Azure Lighthouse does not let service principals use eligible authorizations, as they cannot elevate their access.';

describe("hover on an eligible authorization's principal", () => {
  it('says on the value that service principals cannot use eligible authorizations', () => {
    const value = hoverText(EXAMPLE_OFFER_TEXT, '"0d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"');
    // The field's description (with the note) first, then the principal's names, as every hover.
    const [description, facts] = value.split('\n\n---\n\n');
    assert.ok(description.includes(ELIGIBLE_NOTE), value);
    assert.ok(facts.startsWith('Principal `0d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a`: **Break-glass engineers**'), value);
    assert.strictEqual(value.split(ELIGIBLE_NOTE).length, 2, 'said once');
  });

  it('says so on the key too, and no longer offers a service principal there', () => {
    const eligible = EXAMPLE_OFFER_TEXT.indexOf('"eligibleAuthorizations"');
    const key = EXAMPLE_OFFER_TEXT.indexOf('"principalId"', eligible);
    const { service } = editingService();
    const hover = service.hover(offerDocument(EXAMPLE_OFFER_TEXT), positionAt(EXAMPLE_OFFER_TEXT, key + 2), OFFER_LOCATION);
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /Not a service principal: Azure Lighthouse does not let service principals use eligible authorizations/);
  });

  it("says nothing of the kind on a permanent authorization's or an approver's principal", () => {
    assert.ok(!hoverText(EXAMPLE_OFFER_TEXT, '"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"').includes(ELIGIBLE_NOTE));
    assert.ok(!hoverText(EXAMPLE_OFFER_TEXT, '"1e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"').includes(ELIGIBLE_NOTE));
  });
});

describe('hover on a screenshot caption', () => {
  it('shows the 100-character limit, its rule and the current length', () => {
    const { service } = editingService();
    const at = EXAMPLE_OFFER_TEXT.indexOf('"caption"');
    assert.ok(at > 0, 'the example has a caption');
    const hover = service.hover(offerDocument(EXAMPLE_OFFER_TEXT), positionAt(EXAMPLE_OFFER_TEXT, at + 2), OFFER_LOCATION);
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /Limit: at most 100 characters \(rule `screenshot-caption-length`\)\.\s+\n\d+ \/ 100 characters/);
  });
});
