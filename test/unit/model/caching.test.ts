/**
 * The cache contract (core/src/model/caching.ts), as a user would notice its breach: two language
 * services with different role catalogs, side by side on the same offer, each answer from their
 * own catalog, however their checks interleave; and after an edit that moves the nodes of the
 * plans after it (a keystroke's re-parse keeps and shifts them), every answer is the one a fresh
 * service gives on the new text, not one cached for where things were.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { RoleCatalog, READER_ROLE_ID } from '@core/catalog/roleCatalog';
import { plansOf } from '@core/model/offerStructure';
import { OfferLanguageService } from '../../../server/src/languageService';
import { exampleOffer, examplePlans, makeHost, OFFER_PATH, printed, WORKSPACE } from '../../support/offerHarness';

const URI = 'file://' + OFFER_PATH;
const LOCATION = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };

/**
 * The example with three plans, each giving Reader to someone (the example's second
 * authorization) and each with a problem to report (an unknown key).
 */
function threePlanText(): string {
  const offer = exampleOffer();
  offer.plans = examplePlans(3).map((plan) => ({ ...plan, colour: 'blue' }));
  return printed(offer);
}

/** The built-in catalog without Reader: an offer that gives Reader names a role this catalog does not know. */
function catalogWithoutReader(): RoleCatalog {
  return new RoleCatalog(RoleCatalog.builtin().roles.filter((role) => role.id !== READER_ROLE_ID));
}

function serviceWith(catalog?: RoleCatalog): OfferLanguageService {
  return new OfferLanguageService({ fileHost: makeHost(), catalog });
}

/** What a user sees of a service's answers on a version: diagnostics, hovers, inlay hints, outline, completions. */
function answers(service: OfferLanguageService, document: TextDocument, positions: Position[]) {
  return {
    diagnostics: service.validate(document, LOCATION).map((d) => [d.code, d.path, d.message, d.range]).sort(),
    hovers: positions.map((position) => service.hover(document, position, LOCATION)),
    inlayHints: service.inlayHints(document),
    symbols: service.symbols(document),
    completions: positions.map((position) => service.complete(document, position, LOCATION).items.map((item) => item.label).slice(0, 20)),
  };
}

/** Inside the role id and the principal id of every plan's second authorization (the Reader one). */
function readerPositions(document: TextDocument): Position[] {
  const text = document.getText();
  const positions: Position[] = [];
  for (let at = text.indexOf(`"${READER_ROLE_ID}"`); at >= 0; at = text.indexOf(`"${READER_ROLE_ID}"`, at + 1)) {
    positions.push(document.positionAt(at + 5));
    const principal = text.lastIndexOf('"principalId": "', at);
    positions.push(document.positionAt(principal + '"principalId": "'.length + 3));
  }
  return positions;
}

describe('the cache contract', () => {
  it('gives two services with different catalogs their own answers, side by side, edit after edit', () => {
    const text = threePlanText();
    const builtin = serviceWith();
    const withoutReader = serviceWith(catalogWithoutReader());
    const versions = [text, text.replace('"plan-1"', '"plan-1b"'), text.replace('"plan-1"', '"plan-1b"').replace('"plan-2"', '"plan-2c"')];
    versions.forEach((content, i) => {
      const document = TextDocument.create(URI, 'marketplace-offer', i + 1, content);
      const positions = readerPositions(document);
      // Interleaved: each service's answer right after the other's, on the same version.
      const mine = answers(builtin, document, positions);
      const theirs = answers(withoutReader, document, positions);
      assert.deepStrictEqual(mine, answers(serviceWith(), document, positions), `version ${i + 1}: the built-in catalog's answers`);
      assert.deepStrictEqual(theirs, answers(serviceWith(catalogWithoutReader()), document, positions), `version ${i + 1}: the other catalog's answers`);
      // And they differ where the catalogs do.
      assert.strictEqual(mine.diagnostics.filter(([code]) => code === 'role-unknown').length, 0);
      assert.strictEqual(theirs.diagnostics.filter(([code]) => code === 'role-unknown').length, 3, 'Reader is unknown in each plan');
      assert.ok(mine.inlayHints.some((hint) => hint.label === 'Reader'));
      assert.ok(!theirs.inlayHints.some((hint) => hint.label === 'Reader'));
    });
  });

  it('answers an edit that moves the plans after it as a fresh service does, not from where they were', () => {
    const text = threePlanText();
    const service = serviceWith();
    const first = TextDocument.create(URI, 'marketplace-offer', 1, text);
    const firstAnswers = answers(service, first, readerPositions(first));
    const [, plan1, plan2] = plansOf(service.parse(first).root).map((plan) => plan.node);
    const plan2Offset = plan2.offset;

    // A line typed into the first plan: the plans after it keep their nodes, moved a line on, and
    // every position asked about moves with them.
    const at = text.indexOf('"planId": "plan-0"');
    const typed = '"note": "Round-the-clock, every day",\n      ';
    const edited = text.slice(0, at) + typed + text.slice(at);
    const second = TextDocument.create(URI, 'marketplace-offer', 2, edited);
    const secondAnswers = answers(service, second, readerPositions(second));
    const plans = plansOf(service.parse(second).root).map((plan) => plan.node);
    assert.strictEqual(plans[1], plan1, 'the second plan kept its node');
    assert.strictEqual(plans[2].offset, plan2Offset + typed.length, 'and the third moved');

    assert.deepStrictEqual(secondAnswers, answers(serviceWith(), second, readerPositions(second)));
    assert.notDeepStrictEqual(secondAnswers.diagnostics, firstAnswers.diagnostics, 'the ranges after the edit moved');
    // The same words, hovered where they now are.
    assert.deepStrictEqual(
      secondAnswers.hovers.map((hover) => JSON.stringify(hover?.contents)),
      firstAnswers.hovers.map((hover) => JSON.stringify(hover?.contents)),
    );
  });
});
