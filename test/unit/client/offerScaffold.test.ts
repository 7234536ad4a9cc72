import * as assert from 'assert';
import { parse, ParseError } from 'jsonc-parser';
import { scaffoldOffer, validateAlias, validateOfferId, validateTenantId } from '../../../client/src/commands/offerScaffold';
import { publishStatus } from '../../../server/src/features/publishStatus';
import { OfferDocument } from '@core/model/offerDocument';
import { schemaDiagnostics } from '../../../server/src/validation/schemaValidation';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';

describe('new offer wizard', () => {
  it('validates the offer id: lowercase letters, digits, - and _, 1 to 50 characters', () => {
    assert.strictEqual(validateOfferId('contoso-sentinel_ops2'), undefined);
    assert.strictEqual(validateOfferId('a'.repeat(50)), undefined);
    assert.strictEqual(validateOfferId('a'.repeat(51)), 'The offer ID has 51 characters; the limit is 50.');
    assert.strictEqual(validateOfferId('Contoso'), 'An offer ID uses only lowercase letters, digits, "-" and "_".');
    assert.strictEqual(validateOfferId('contoso ops' + '!'.repeat(200_000)), 'An offer ID uses only lowercase letters, digits, "-" and "_".');
    assert.strictEqual(validateOfferId(''), 'Type an offer ID, for example "contoso-sentinel-ops".');
  });

  it('validates the alias and the tenant id', () => {
    assert.strictEqual(validateAlias('Contoso'), undefined);
    assert.match(validateAlias(' ') ?? '', /Type an alias/);
    assert.strictEqual(validateTenantId(TENANT), undefined);
    assert.match(validateTenantId('72f988bf-86f1-41af-91ab') ?? '', /GUID of your managing tenant/);
  });

  it('writes a complete offer that parses, matches the schema and carries the answers', () => {
    const text = scaffoldOffer({ offerId: 'contoso-ops', alias: ' Contoso "Ops" ', tenantId: TENANT });
    const errors: ParseError[] = [];
    const offer = parse(text, errors);
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(offer.offerId, 'contoso-ops');
    assert.strictEqual(offer.alias, 'Contoso "Ops"');
    assert.strictEqual(offer.listing.name, 'Contoso "Ops"');
    assert.strictEqual(offer.plans[0].technicalConfiguration.tenantId, TENANT.toLowerCase());
    assert.strictEqual(offer.plans[0].pricingModel, 'BYOL');
    assert.ok(text.includes('// '), 'it explains itself in comments');
    const document = OfferDocument.fromText(text);
    // No wrong type, unknown key or missing required property: the only schema problems are the
    // lists left empty for the publisher to fill (categories, authorizations).
    const schema = schemaDiagnostics(document).map((d) => `${d.path}: ${d.message}`);
    assert.ok(schema.includes('/plans/0/technicalConfiguration/authorizations: This list is empty: add at least one entry.'), schema.join('\n'));
    assert.deepStrictEqual(schema.filter((line) => !line.endsWith(': This list is empty: add at least one entry.')), []);
    // Every section of Review and publish is started.
    assert.ok(publishStatus(document, []).sections.every((section) => section.state !== 'notStarted'));
  });
});
