import * as assert from 'assert';
import { holdsEmailAddress, readsLikeAutomation, readsLikePersonName } from '../../../server/src/rules/authorizations/displayNameReading';
import { check, exampleOffer, expectNone, expectOne, makeHost, printed, textAt, type Offer } from '../../support/offerHarness';

const AUTH = '/plans/0/technicalConfiguration/authorizations';
const ELIGIBLE = '/plans/0/technicalConfiguration/eligibleAuthorizations';

/** Display names of real managed service offers' groups: none may read as a person or an email. */
const GROUP_NAMES = [
  'Tier 2 Operators',
  'SOC Analysts',
  'Offer Administrators',
  'Access Managers',
  'Break-glass engineers',
  'Approvers',
  'Contoso SOC',
  'Contoso Managed Services - Tier 1',
  'Sarah Team',
  'Daniel Operators',
  'Maria Database Admins',
  'Grace Period Approvers',
  'Max Access Operators',
  'Victor Ops',
  'Helpdesk',
  'L2 Support',
  'Azure Platform Engineering',
  'NOC 24x7',
  'Security Readers',
  'Network Operations Center',
  'Cloud Center of Excellence',
  'Contoso Sentinel Responders',
  'SRE on-call',
  'Fabrikam Cloud Ops (EU)',
  '운영팀',
];

describe('display names', () => {
  describe('what a display name reads like', () => {
    it('finds an email address, alone or in a name, and nothing else', () => {
      for (const name of ['sarah.smith@contoso.com', 'Sarah Smith <sarah.smith@contoso.com>', 'ops@contoso.co.uk', 'Ops (ops@fabrikam.io)']) {
        assert.ok(holdsEmailAddress(name), name);
      }
      for (const name of ['@contoso', 'Ops @ Contoso', 'ops@contoso', 'ops@contoso.c', 'ops@.com', 'ops@contoso..com', 'x@y.123', ...GROUP_NAMES]) {
        assert.ok(!holdsEmailAddress(name), name);
      }
    });

    it("reads a person's name in its usual forms", () => {
      for (const name of ['Sarah Smith', 'John Q. Public', 'Maria Luisa Garcia', 'Smith, Sarah', "Sean O'Neil", 'Jürgen Müller-Lüdenscheidt', 'sarah.smith', 'Pierre.Dupont', 'Priya Raman']) {
        assert.ok(readsLikePersonName(name), name);
      }
    });

    it("never reads a group's name as a person's", () => {
      const misread = GROUP_NAMES.filter((name) => readsLikePersonName(name));
      assert.deepStrictEqual(misread, []);
    });

    it('does not guess at names it does not know, nor at long text', () => {
      for (const name of ['Zxqv Smith', 'Sarah', 'SARAH SMITH', 'sarah smith', 'Sarah Smith ' + 'x'.repeat(100), 'Sarah Smith and 3 more']) {
        assert.ok(!readsLikePersonName(name), name);
      }
    });

    it('reads apps and automations, but not the people who run them', () => {
      for (const name of ['Deployment Pipeline', 'sp-backup-automation', 'Contoso Service Principal', 'Monitoring Managed Identity', 'svc_patching', 'Sentinel Logic App', 'Ticket Bot', 'GitHub Actions deploy']) {
        assert.ok(readsLikeAutomation(name), name);
      }
      for (const name of ['Automation Engineers', 'Pipeline Operators', 'App Support Team', 'Break-glass engineers', ...GROUP_NAMES]) {
        assert.ok(!readsLikeAutomation(name), name);
      }
    });

    it('reads a 200,000-character name in one pass: no person, no automation, the address at its end', () => {
      // Each reading is a single scan (a split, an indexOf, a loop); a scan per word would time out here.
      const name = 'Sarah Team '.repeat(19_000) + 'pipeline deploy@contoso.com';
      assert.ok(name.length > 200_000);
      assert.strictEqual(holdsEmailAddress(name), true);
      assert.strictEqual(readsLikePersonName(name), false);
      assert.strictEqual(readsLikeAutomation(name), false);
      assert.strictEqual(readsLikeAutomation(name.replace(/Team /g, 'x ')), true);
    });
  });

  describe('display-name-personal', () => {
    const host = makeHost();
    const run = (offer: Offer) => check(offer, { host });

    it("says why a person's name is not what Partner Center asks for, on the display name", () => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = 'Sarah Smith';
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'display-name-personal', `${AUTH}/0/principalIdDisplayName`);
      assert.strictEqual(diagnostic.severity, 'info');
      assert.strictEqual(
        diagnostic.message,
        "'Sarah Smith' reads like a person's name, so this principal looks like a single user: Partner Center's guide asks for Microsoft Entra security groups (not Microsoft 365 groups) rather than single users, so that people join and leave without a new version of the plan.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"Sarah Smith"');
    });

    it('reports an email address, in an eligible authorization too, quoting at most about 60 characters', () => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.eligibleAuthorizations[0].principalIdDisplayName = 'on-call@contoso.com';
      assert.match(expectOne(run(offer), 'display-name-personal', `${ELIGIBLE}/0/principalIdDisplayName`).message, /^'on-call@contoso\.com' is an email address/);
      offer.plans[0].technicalConfiguration.eligibleAuthorizations[0].principalIdDisplayName = 'x'.repeat(100) + '@contoso.com';
      assert.match(expectOne(run(offer), 'display-name-personal').message, /^'x{60}… \(112 characters\)' is an email address/);
    });

    it('is silent on the example, on group names and on approvers', () => {
      expectNone(run(exampleOffer()), 'display-name-personal');
      const offer = exampleOffer();
      const authorizations = offer.plans[0].technicalConfiguration.authorizations;
      GROUP_NAMES.slice(0, authorizations.length).forEach((name, i) => (authorizations[i].principalIdDisplayName = name));
      offer.plans[0].technicalConfiguration.eligibleAuthorizations[0].justInTimeAccessPolicy.managedByTenantApprovers[0].principalIdDisplayName = 'Sarah Smith';
      expectNone(run(offer), 'display-name-personal');
    });
  });

  describe('eligible-service-principal', () => {
    const host = makeHost();
    const run = (offer: Offer) => check(offer, { host });

    it('hints that a service principal cannot use an eligible authorization, on its display name', () => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.eligibleAuthorizations[0].principalIdDisplayName = 'Deployment Pipeline';
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'eligible-service-principal', `${ELIGIBLE}/0/principalIdDisplayName`);
      assert.strictEqual(diagnostic.severity, 'info');
      assert.strictEqual(
        diagnostic.message,
        "'Deployment Pipeline' reads like an app or automation: Azure Lighthouse does not let service principals use eligible authorizations, as they cannot elevate their access. Give this eligible role to a group of people, and the automation a permanent authorization.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"Deployment Pipeline"');
    });

    it('is silent on permanent authorizations, where an automation is welcome, and on the example', () => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = 'Deployment Pipeline';
      expectNone(run(offer), 'eligible-service-principal');
      expectNone(run(exampleOffer()), 'eligible-service-principal');
    });
  });
});
