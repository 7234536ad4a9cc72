import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import {
  CONTRIBUTOR_ROLE_ID,
  OWNER_ROLE_ID,
  RoleCatalog,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/catalog/roleCatalog';
import { editingService, offerDocument, OFFER_LOCATION, offsetOf, positionAt } from '../../support/editingHarness';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';
import { makePng } from '../../support/pngWriter';

const LOG_ANALYTICS_READER = RoleCatalog.builtin().findByName('Log Analytics Reader')!;

interface Hovered {
  hover: Hover | null;
  text: string;
}

function hoverAt(text: string, offset: number, options: { unsaved?: boolean; files?: Record<string, Uint8Array | string> } = {}): Hovered {
  const { service } = editingService(options.files);
  return { text, hover: service.hover(offerDocument(text), positionAt(text, offset), options.unsaved ? undefined : OFFER_LOCATION) };
}

/** Hovers inside the first match of `needle` (`delta` characters in) of `text`. */
function hoverOn(text: string, needle: string, delta = 1, occurrence = 0, options = {}): Hovered {
  return hoverAt(text, offsetOf(text, needle, delta, occurrence), options);
}

function contents(hovered: Hovered): string {
  assert.ok(hovered.hover, 'no hover');
  return (hovered.hover.contents as MarkupContent).value;
}

/** The text the hover's range covers. */
function rangeText(hovered: Hovered): string {
  assert.ok(hovered.hover?.range, 'no range');
  const document = offerDocument(hovered.text);
  return hovered.text.slice(document.offsetAt(hovered.hover.range.start), document.offsetAt(hovered.hover.range.end));
}

/** The domain's facts of a hover: what follows the field's description, below its rule. */
function facts(hovered: Hovered): string {
  const text = contents(hovered);
  const rule = text.indexOf('\n\n---\n\n');
  assert.ok(rule > 0, `the hover has no facts below the field's description: ${text}`);
  return text.slice(rule + '\n\n---\n\n'.length);
}

/** The field's description, as the schema gives it (what VS Code's JSON support shows). */
function describedAs(hovered: Hovered, description: string): void {
  assert.ok(contents(hovered).startsWith(description), contents(hovered));
}

function withName(name: string): string {
  return EXAMPLE_OFFER_TEXT.replace('"name": "Contoso Sentinel Operations"', `"name": ${JSON.stringify(name)}`);
}

describe('hover', () => {
  describe('on a key', () => {
    it("shows the schema's description, the limit and the current length", () => {
      const hovered = hoverOn(EXAMPLE_OFFER_TEXT, '"name": "Contoso Sentinel Operations"');
      const text = contents(hovered);
      assert.ok(text.includes('Offer name'), text);
      assert.ok(text.includes('Limit: 1 to 50 characters (rule `listing-name-length`).'), text);
      assert.ok(text.includes('27 / 50 characters'), text);
      assert.strictEqual(rangeText(hovered), '"name"');
    });

    it('counts code points and says how many are too many', () => {
      assert.ok(contents(hoverOn(withName('x'.repeat(50)), '"name": "xx')).includes('50 / 50 characters'));
      assert.ok(!contents(hoverOn(withName('x'.repeat(50)), '"name": "xx')).includes('too many'));
      assert.ok(contents(hoverOn(withName('x'.repeat(51)), '"name": "xx')).includes('51 / 50 characters — 1 too many'));
      // ™ is one character, as a person counts it; an emoji too (two UTF-16 units).
      assert.ok(contents(hoverOn(withName('Contoso™ 🚀'), '"name": "Con')).includes('10 / 50 characters'));
    });

    it('shows the length of a plan summary against its own limit', () => {
      const text = contents(hoverOn(EXAMPLE_OFFER_TEXT, '"searchResultsSummary": "Full 24x7'));
      assert.ok(text.includes('Limit: 1 to 100 characters (rule `summary-length`).'), text);
      assert.ok(text.includes('53 / 100 characters'), text);
    });

    it('shows the number of entries of a list with a limit', () => {
      const text = contents(hoverOn(EXAMPLE_OFFER_TEXT, '"categories"'));
      assert.ok(text.includes('Limit: 1 to 5 entries (rule `categories-count`).'), text);
      assert.ok(text.includes('2 / 5 entries'), text);
    });

    it('shows the description alone for a field without a limit, and nothing on punctuation', () => {
      const text = contents(hoverOn(EXAMPLE_OFFER_TEXT, '"alias"'));
      assert.ok(!text.includes('Limit'), text);
      assert.ok(text.length > 10, text);
      assert.strictEqual(hoverOn(EXAMPLE_OFFER_TEXT, '"alias": ', '"alias"'.length).hover, null, 'on the colon');
      assert.strictEqual(hoverOn(EXAMPLE_OFFER_TEXT, '"offerType": "managedService",', '"offerType": "managedService"'.length).hover, null, 'on a comma');
    });
  });

  describe('on brackets, items and empty values', () => {
    it("describes an object on its braces, the offer's title first, and nothing in the middle of a block", () => {
      const root = hoverOn(EXAMPLE_OFFER_TEXT, '{\n  // A complete', 0);
      describedAs(root, 'Managed service offer\n\nAn Azure Marketplace managed service offer');
      const listing = hoverOn(EXAMPLE_OFFER_TEXT, '"listing": {', '"listing": '.length);
      describedAs(listing, 'The offer listing: what customers see');
      assert.ok(rangeText(listing).startsWith('{\n    "name"'));
      const closing = EXAMPLE_OFFER_TEXT.indexOf('\n  },\n  "previewAudience"') + '\n  '.length;
      describedAs(hoverAt(EXAMPLE_OFFER_TEXT, closing), 'The offer listing: what customers see');
      assert.strictEqual(hoverOn(EXAMPLE_OFFER_TEXT, '"name": "Contoso Sentinel Operations",\n', '"name": "Contoso Sentinel Operations",\n'.length).hover, null);
    });

    it('describes an array on its brackets with its count, and each item by the schema of the items', () => {
      const categories = hoverOn(EXAMPLE_OFFER_TEXT, '["Security"', 0);
      describedAs(categories, 'Marketplace categories where customers find the offer');
      assert.ok(contents(categories).includes('2 / 5 entries'), contents(categories));
      describedAs(hoverOn(EXAMPLE_OFFER_TEXT, '"Monitoring & Diagnostics"]', '"Monitoring & Diagnostics"'.length), 'Marketplace categories');
      describedAs(hoverOn(EXAMPLE_OFFER_TEXT, '"Security"', 1), 'A marketplace category.');
      const subscription = hoverOn(EXAMPLE_OFFER_TEXT, '"5c6d7e8f');
      describedAs(subscription, 'An Azure subscription ID (GUID).');
      assert.strictEqual(rangeText(subscription), '"5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"');
    });

    it('describes an empty value like a written one', () => {
      const emptyRole = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, '""');
      describedAs(hoverOn(emptyRole, '"roleDefinitionId": ""', '"roleDefinitionId": "'.length), 'ID (GUID) of the Azure **built-in** role to grant.');
      const emptyName = withName('');
      const text = contents(hoverOn(emptyName, '"name": ""', '"name": "'.length));
      assert.ok(text.startsWith('Offer name shown in the marketplace'), text);
      assert.ok(text.includes('0 / 50 characters — empty'), text);
    });

    it('shows the limit on the value too', () => {
      const text = contents(hoverOn(EXAMPLE_OFFER_TEXT, '"contoso-sentinel-ops"'));
      assert.ok(text.includes('20 / 50 characters'), text);
    });
  });

  describe('on a role id', () => {
    it("shows the role's name, description, category and that Lighthouse supports it", () => {
      const hovered = hoverOn(EXAMPLE_OFFER_TEXT, `"${CONTRIBUTOR_ROLE_ID}" // Contributor`);
      describedAs(hovered, 'ID (GUID) of the Azure **built-in** role to grant.');
      const text = facts(hovered);
      assert.ok(text.startsWith('**Contributor**'), text);
      assert.ok(text.includes('Grants full access to manage all resources'), text);
      assert.ok(text.includes('Category: General'), text);
      assert.ok(text.includes(`ID: \`${CONTRIBUTOR_ROLE_ID}\``), text);
      assert.ok(text.includes('✓ Supported by Azure Lighthouse.'), text);
      assert.strictEqual(rangeText(hovered), `"${CONTRIBUTOR_ROLE_ID}"`);
    });

    it('says why Owner and DataActions roles are refused', () => {
      const owner = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, `"${OWNER_ROLE_ID}"`);
      const ownerText = facts(hoverOn(owner, `"${OWNER_ROLE_ID}"`));
      assert.ok(ownerText.startsWith('**Owner**'), ownerText);
      assert.ok(ownerText.includes('✗ Azure Lighthouse does not support the Owner role'), ownerText);

      const dataActions = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, `"${LOG_ANALYTICS_READER.id}"`);
      const dataText = contents(hoverOn(dataActions, `"${LOG_ANALYTICS_READER.id}"`));
      assert.ok(dataText.includes('✗ Log Analytics Reader has DataActions, which Azure Lighthouse does not support'), dataText);
    });

    it('says that User Access Administrator needs delegated roles, and may not assign itself', () => {
      const inAuthorization = contents(hoverOn(EXAMPLE_OFFER_TEXT, `"${USER_ACCESS_ADMINISTRATOR_ROLE_ID}"`));
      assert.ok(inAuthorization.includes('✓ Supported by Azure Lighthouse only with delegatedRoleDefinitionIds'), inAuthorization);

      const selfAssigned = EXAMPLE_OFFER_TEXT.replace(
        `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}"]`,
        `"delegatedRoleDefinitionIds": ["${USER_ACCESS_ADMINISTRATOR_ROLE_ID}"]`,
      );
      const delegated = contents(hoverOn(selfAssigned, `"${USER_ACCESS_ADMINISTRATOR_ROLE_ID}"]`));
      assert.ok(delegated.includes('✗ User Access Administrator cannot assign itself'), delegated);
    });

    it('says when an id is no built-in role, or when a name stands where the id belongs', () => {
      const custom = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, '"11111111-2222-4333-8444-555555555555"');
      assert.ok(contents(hoverOn(custom, '"11111111-')).includes('No Azure built-in role has the ID `11111111-2222-4333-8444-555555555555`'));
      const named = EXAMPLE_OFFER_TEXT.replace(`"${CONTRIBUTOR_ROLE_ID}" // Contributor`, '"contributor"');
      assert.ok(contents(hoverOn(named, '"contributor"')).includes(`this field takes its ID, \`${CONTRIBUTOR_ROLE_ID}\``));
    });

    it('is not a role hover on a GUID that is not a role id', () => {
      const text = contents(hoverOn(EXAMPLE_OFFER_TEXT, '"72f988bf-86f1'));
      assert.ok(!text.includes('Category'), text);
    });
  });

  describe('on an image path', () => {
    it('shows the real size against the expected size', () => {
      const hovered = hoverOn(EXAMPLE_OFFER_TEXT, '"media/logo-small.png"');
      describedAs(hovered, 'Small logo, shown in search results.');
      assert.strictEqual(facts(hovered), '✓ 40 × 40 pixels, as expected.');
      assert.strictEqual(rangeText(hovered), '"media/logo-small.png"');
      const wrong = facts(hoverOn(EXAMPLE_OFFER_TEXT, '"media/logo-small.png"', 1, 0, { files: { 'media/logo-small.png': makePng(90, 90) } }));
      assert.strictEqual(wrong, '✗ 90 × 90 pixels; expected 40 × 40 pixels.');
      const screenshot = facts(hoverOn(EXAMPLE_OFFER_TEXT, '"media/screenshot-dashboard.png"'));
      assert.strictEqual(screenshot, '✓ 1280 × 720 pixels, as expected.');
    });

    it('says when the file is missing, not a PNG, outside the workspace or the offer unsaved', () => {
      const missing = EXAMPLE_OFFER_TEXT.replace('media/logo-small.png', 'media/nope.png');
      assert.strictEqual(facts(hoverOn(missing, '"media/nope.png"')), 'No file at this path (expected 40 × 40 pixels).');
      const jpeg = facts(hoverOn(EXAMPLE_OFFER_TEXT, '"media/logo-small.png"', 1, 0, { files: { 'media/logo-small.png': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) } }));
      assert.strictEqual(jpeg, 'This file is not a readable PNG image (expected 40 × 40 pixels).');
      const outside = EXAMPLE_OFFER_TEXT.replace('media/logo-small.png', '../../etc/logo.png');
      assert.strictEqual(facts(hoverOn(outside, '"../../etc')), 'This path leads outside the workspace folder: it is not read (expected 40 × 40 pixels).');
      assert.strictEqual(facts(hoverOn(EXAMPLE_OFFER_TEXT, '"media/logo-small.png"', 1, 0, { unsaved: true })), 'Save the offer to check this image (expected 40 × 40 pixels).');
    });
  });

  describe('on a principal id', () => {
    it('shows the display name given to the principal elsewhere in the offer', () => {
      // The approver is the Tier 2 Operators group, named there without a display name.
      const text = EXAMPLE_OFFER_TEXT.replace(
        '{ "principalId": "1e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "principalIdDisplayName": "Approvers" }',
        '{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f" }',
      );
      const hovered = hoverOn(text, '"6f1c2d3e', 1, 1);
      describedAs(hovered, 'Object ID (GUID) of the approver in the managing tenant');
      const value = facts(hovered);
      assert.ok(value.startsWith('Principal `6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f`: **Tier 2 Operators**'), value);
      assert.ok(value.includes('- Tier 2 Operators — plan gold, authorization 1'), value);
      assert.ok(value.includes('- (no display name) — plan gold, just-in-time approver 1'), value);
      assert.strictEqual(rangeText(hovered), '"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"');
    });

    it('points out a principal named differently in two places', () => {
      const text = EXAMPLE_OFFER_TEXT.replace(
        '{ "principalId": "1e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "principalIdDisplayName": "Approvers" }',
        '{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "principalIdDisplayName": "Tier 2" }',
      );
      const value = contents(hoverOn(text, '"6f1c2d3e'));
      assert.ok(value.includes('**Tier 2 Operators / Tier 2**'), value);
      assert.ok(value.includes('2 different display names'), value);
    });
  });

  it('never throws on half-broken offers', () => {
    const { service } = editingService();
    const texts = ['', '{', '{"plans": [{"technicalConfiguration": {"authorizations": [{"roleDefinitionId": "', '{"listing": {"name": 5}}', '[1, 2]'];
    for (const text of texts) {
      for (let offset = 0; offset <= text.length; offset++) {
        assert.doesNotThrow(() => service.hover(offerDocument(text), positionAt(text, offset), OFFER_LOCATION), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });
});
