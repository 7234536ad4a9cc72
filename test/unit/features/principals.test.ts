/**
 * The principals an offer names (features/offerPrincipals.ts), which principal completion offers:
 * found once per parsed version and shared, they must be exactly what a walk of the mentions at
 * every call gives, whichever id node is left out. Seeded (PRINCIPALS_SEED) and reproducible.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import type { Node } from 'jsonc-parser';
import { isGuid } from '@core/model/nodes';
import { OfferDocument } from '@core/model/offerDocument';
import { KnownPrincipal, knownPrincipals, principalMentionsOf } from '../../../server/src/features/offerPrincipals';

const SEED = Number(process.env.PRINCIPALS_SEED ?? 20261128);
const RUNS = Number(process.env.PRINCIPALS_RUNS ?? 200);
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

/** The answer as a fresh walk gives it: each valid id once, first mention's spelling, first non-empty name. */
function walked(root: Node | undefined, exclude?: Node): KnownPrincipal[] {
  const byId = new Map<string, { principalId: string; displayName: string }>();
  for (const mention of principalMentionsOf(root)) {
    if (mention.idNode === exclude || !isGuid(mention.principalId)) {
      continue;
    }
    const key = mention.principalId.toLowerCase();
    const known = byId.get(key);
    if (!known) {
      byId.set(key, { principalId: mention.principalId, displayName: mention.displayName });
    } else if (known.displayName === '' && mention.displayName !== '') {
      known.displayName = mention.displayName;
    }
  }
  return [...byId.values()];
}

/** A few ids, some the same principal in another case, some not ids at all. */
const principalId = fc.constantFrom<unknown>(
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-aaaaaaaaaaaa',
  '22222222-2222-4222-8222-AAAAAAAAAAAA',
  '33333333-3333-4333-8333-333333333333',
  '44444444-4444-4444-8444-444444444444',
  'not-a-guid',
  '',
  7,
  null,
);
const displayName = fc.constantFrom<unknown>(undefined, '', '  ', 'Ops', 'Night shift', 'ops', 42);
const holder = fc.record({ principalId, principalIdDisplayName: displayName }, { requiredKeys: [] });
const authorization = fc.tuple(holder, fc.constant(READER)).map(([h, roleDefinitionId]) => ({ ...h, roleDefinitionId }));
const eligible = fc
  .tuple(authorization, fc.array(holder, { maxLength: 3 }))
  .map(([a, approvers]) => ({ ...a, justInTimeAccessPolicy: { managedByTenantApprovers: approvers } }));
const plan = fc.record({
  planId: fc.constantFrom('a', 'b'),
  technicalConfiguration: fc.record({
    authorizations: fc.array(authorization, { maxLength: 5 }),
    eligibleAuthorizations: fc.array(eligible, { maxLength: 3 }),
  }),
});
const offer = fc.record({ plans: fc.array(plan, { maxLength: 3 }) });

function rootOf(value: unknown): Node {
  const root = OfferDocument.fromText(JSON.stringify(value)).root;
  assert.ok(root);
  return root;
}

describe('principals an offer names', () => {
  it('are the same as a fresh walk gives, with no id node left out or with any one left out', () => {
    fc.assert(
      fc.property(offer, (value) => {
        const root = rootOf(value);
        const leftOut: (Node | undefined)[] = [undefined, root, ...principalMentionsOf(root).map((mention) => mention.idNode)];
        for (const exclude of leftOut) {
          assert.deepStrictEqual(knownPrincipals(root, exclude), walked(root, exclude));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('moves a principal to its next mention, or drops it, when the id node left out held its first', () => {
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
    const root = rootOf({
      plans: [
        {
          technicalConfiguration: {
            authorizations: [
              { principalId: ids[0], principalIdDisplayName: '' },
              { principalId: ids[1], principalIdDisplayName: 'Second' },
              { principalId: ids[0].toUpperCase(), principalIdDisplayName: 'First' },
              { principalId: ids[2], principalIdDisplayName: 'Third' },
            ],
          },
        },
      ],
    });
    const [first, second, again] = principalMentionsOf(root).map((mention) => mention.idNode);
    assert.deepStrictEqual(knownPrincipals(root), [
      { principalId: ids[0], displayName: 'First' },
      { principalId: ids[1], displayName: 'Second' },
      { principalId: ids[2], displayName: 'Third' },
    ]);
    assert.deepStrictEqual(knownPrincipals(root, first), [
      { principalId: ids[1], displayName: 'Second' },
      { principalId: ids[0].toUpperCase(), displayName: 'First' },
      { principalId: ids[2], displayName: 'Third' },
    ]);
    assert.deepStrictEqual(knownPrincipals(root, second), [
      { principalId: ids[0], displayName: 'First' },
      { principalId: ids[2], displayName: 'Third' },
    ]);
    assert.deepStrictEqual(knownPrincipals(root, again), [
      { principalId: ids[0], displayName: '' },
      { principalId: ids[1], displayName: 'Second' },
      { principalId: ids[2], displayName: 'Third' },
    ]);
  });

  it('are found once per parsed version, and again for a new one', () => {
    const value = { plans: [{ technicalConfiguration: { authorizations: [{ principalId: '11111111-1111-4111-8111-111111111111', principalIdDisplayName: 'Ops' }] } }] };
    const root = rootOf(value);
    assert.strictEqual(knownPrincipals(root), knownPrincipals(root));
    value.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = 'Night shift';
    assert.deepStrictEqual(knownPrincipals(rootOf(value)), [{ principalId: '11111111-1111-4111-8111-111111111111', displayName: 'Night shift' }]);
    assert.deepStrictEqual(knownPrincipals(undefined), []);
  });
});
