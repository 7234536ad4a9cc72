import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { OfferDocument } from '@core/model/offerDocument';
import { schemaDiagnostics } from '../../../server/src/validation/schemaValidation';
import { check, EXAMPLE_OFFER_TEXT, exampleOffer, expectOne, printed, REPO_ROOT, textAt } from '../../support/offerHarness';

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'offer.schema.json'), 'utf8'));

/** Every property schema in the file, with a readable path. */
function* propertySchemas(node: Record<string, unknown>, where: string): Generator<[string, Record<string, unknown>]> {
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    yield [`${where}.${key}`, child];
    yield* propertySchemas(child, `${where}.${key}`);
    const items = child.items as Record<string, unknown> | undefined;
    if (items) {
      yield* propertySchemas(items, `${where}.${key}[]`);
    }
  }
}

describe('the offer JSON Schema', () => {
  it('accepts the example offer', () => {
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    const valid = validate(parse(EXAMPLE_OFFER_TEXT));
    assert.ok(valid, JSON.stringify(validate.errors));
  });

  it('describes every property in words a publisher can act on', () => {
    const nodes = [['offer', schema], ...Object.entries(schema.definitions as Record<string, unknown>).map(([k, v]) => [`#${k}`, v])];
    let count = 0;
    for (const [name, node] of nodes as [string, Record<string, unknown>][]) {
      for (const [where, property] of propertySchemas(node, name)) {
        count++;
        const described = typeof property.description === 'string' || typeof property.$ref === 'string';
        assert.ok(described, `${where} has no description`);
        if (typeof property.description === 'string') {
          assert.ok(property.description.length >= 15, `${where}: description too short to act on`);
        }
      }
    }
    assert.ok(count > 60, `only ${count} properties found`);
  });

  it('says which fields are fixed when the offer or plan is created in Partner Center, not "after publishing"', () => {
    for (const field of [schema.properties.offerId, schema.properties.alias]) {
      assert.match(field.description, /fixed from the moment the offer is created in Partner Center/i);
    }
    for (const field of [schema.properties.plans.items.properties.planId, schema.properties.plans.items.properties.name]) {
      assert.match(field.description, /fixed from the moment the plan is created in Partner Center/i);
    }
    const everything = JSON.stringify(schema);
    assert.ok(!/(cannot|can't) change after/i.test(everything), 'no "cannot change after publishing" left');
  });

  it('is contributed for *.offer.json opened as plain JSON', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const validation = manifest.contributes.jsonValidation[0];
    assert.ok(validation.fileMatch.includes('*.offer.json'));
    assert.strictEqual(path.normalize(validation.url), path.normalize('./schemas/offer.schema.json'));
  });
});

describe('schema diagnostics', () => {
  it('reports a wrong type on the value, once', () => {
    const offer = exampleOffer();
    offer.listing.name = 42;
    const text = printed(offer);
    const diagnostic = expectOne(check(text), 'schema', '/listing/name');
    assert.strictEqual(diagnostic.message, 'Expected a string here, found a number.');
    assert.strictEqual(textAt(text, diagnostic), '42');
  });

  it('reports an unknown property on its key, with the closest known key', () => {
    const offer = exampleOffer();
    offer.listing.privacyPolicyURL = 'https://contoso.com/privacy';
    const text = printed(offer);
    const diagnostic = expectOne(check(text), 'schema', '/listing/privacyPolicyURL');
    assert.strictEqual(diagnostic.message, "Unknown property 'privacyPolicyURL': did you mean 'privacyPolicyUrl'?");
    assert.strictEqual(textAt(text, diagnostic), '"privacyPolicyURL"');
    assert.deepStrictEqual(diagnostic.data, { kind: 'unknown-property', property: 'privacyPolicyURL', suggestion: 'privacyPolicyUrl' });
  });

  it('reports a missing required property on the key of its parent', () => {
    const offer = exampleOffer();
    delete offer.plans[0].visibility;
    const text = printed(offer);
    const diagnostic = expectOne(check(text), 'schema', '/plans/0/visibility');
    assert.strictEqual(diagnostic.message, "Missing required property 'visibility'.");
    assert.strictEqual(textAt(text, diagnostic), '{');
  });

  it('reads keys named like built-in members of objects (__proto__, constructor, toString) as any other key', () => {
    const text = printed(exampleOffer())
      .replace('"planId": "', '"__proto__": { "planId": 1 }, "constructor": "x", "toString": 2, "0": true, "planId": "')
      .replace('"principalIdDisplayName": ', '"hasOwnProperty": null, "valueOf": [], "principalIdDisplayName": ');
    const schema = schemaDiagnostics(OfferDocument.fromText(text)).filter((d) => d.path.startsWith('/plans/0/'));
    assert.deepStrictEqual(
      schema.map((d) => [d.path, d.message]),
      [
        ['/plans/0/0', "Unknown property '0': remove it, Partner Center does not know it."],
        ['/plans/0/__proto__', "Unknown property '__proto__': remove it, Partner Center does not know it."],
        ['/plans/0/constructor', "Unknown property 'constructor': remove it, Partner Center does not know it."],
        ['/plans/0/toString', "Unknown property 'toString': remove it, Partner Center does not know it."],
        ['/plans/0/technicalConfiguration/authorizations/0/hasOwnProperty', "Unknown property 'hasOwnProperty': remove it, Partner Center does not know it."],
        ['/plans/0/technicalConfiguration/authorizations/0/valueOf', "Unknown property 'valueOf': remove it, Partner Center does not know it."],
      ],
    );
  });

  it('reports a value outside an enum with the accepted values', () => {
    const offer = exampleOffer();
    offer.plans[0].visibility = 'hidden';
    const diagnostic = expectOne(check(offer), 'schema', '/plans/0/visibility');
    assert.strictEqual(diagnostic.message, 'Value is not accepted: use one of "public", "private".');
  });

  it('reports a repeated item of a unique list on the repeat, where a rule on the same list would report it', () => {
    const offer = exampleOffer();
    offer.properties.categories = ['Security', 'Analytics', 'Security'];
    const text = printed(offer);
    const document = OfferDocument.fromText(text);
    const [diagnostic] = schemaDiagnostics(document).filter((d) => d.path.startsWith('/properties/categories'));
    assert.strictEqual(diagnostic.path, '/properties/categories/2');
    assert.strictEqual(diagnostic.message, 'This value is already in the list (item 1): remove this one.');
    assert.strictEqual(textAt(text, diagnostic), '"Security"');
  });

  it('reports malformed JSON where it is, and still checks the rest', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"alias": "Contoso Sentinel Operations",', '"alias": "Contoso Sentinel Operations"');
    const diagnostics = check(text);
    const syntax = diagnostics.filter((d) => d.code === 'schema' && d.message.startsWith('Malformed JSON'));
    assert.strictEqual(syntax.length, 1, JSON.stringify(diagnostics));
    assert.strictEqual(syntax[0].message, 'Malformed JSON: a comma is expected.');
    assert.strictEqual(syntax[0].range.start.line, text.split('\n').findIndex((l) => l.includes('"leadManagement"')));
  });

  it('accepts comments and trailing commas', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"certificationNotes"', '/* block */ "certificationNotes"').replace(/\n}\s*$/, ',\n}\n');
    assert.deepStrictEqual(check(text).filter((d) => d.severity !== 'info').map((d) => d.message), []);
  });

  it('explains an empty file and a file that is not an object', () => {
    assert.strictEqual(expectOne(check(''), 'schema').message, 'The file is empty: an offer is a JSON object that starts with {.');
    assert.strictEqual(expectOne(check('[1, 2]'), 'schema').message, 'An offer is a JSON object ({ … }), not array.');
  });

  it('refuses a file nested 20,000 levels deep with one diagnostic, without overflowing the stack', () => {
    const diagnostics = check('['.repeat(20000));
    assert.strictEqual(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /nests more than 200 levels/);
    assert.strictEqual(diagnostics[0].range.start.character, 200);
  });
});
