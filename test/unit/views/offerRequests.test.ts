/**
 * The server's side of the extension's custom requests (`server/src/lsp/offerRequests.ts`), run
 * in-process against an in-memory workspace: what the tree, the status bar, the preview and the
 * commands are told, that it is computed once per version, that an offer nobody opened is read
 * only inside the workspace and within the size limit (and the files it names are not), and that
 * an edit for another version is refused.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyEdits, parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CheckPlanIdRequest,
  ExportPlanRequest,
  HandoffField,
  HandoffRequest,
  ImportTemplateRequest,
  ListingPreviewData,
  OfferEditRequest,
  OfferEditResult,
  OfferHandoff,
  OfferReadiness,
  OfferRequestType,
  OfferTree,
  PlansRequest,
  PlanTreeRequest,
  PreviewRequest,
  ReadinessRequest,
  RoleChoicesRequest,
  TreeNodeModel,
} from '@core/protocol';
import { OfferLanguageService } from '../../../server/src/languageService';
import { createGuard } from '../../../server/src/lsp/guard';
import { MAX_UNOPENED_OFFER_BYTES, registerOfferRequests } from '../../../server/src/lsp/offerRequests';
import { flattenTree } from '../../../server/src/features/planTree';
import { FileHost, nodeFileHost } from '../../../server/src/workspace/fileHost';
import { MemoryFileHost } from '../../support/memoryFileHost';
import { EXAMPLE_OFFER_TEXT, exampleFiles, exampleOffer, makeHost, OFFER_PATH, printed, WORKSPACE } from '../../support/offerHarness';

const OFFER_URI = pathToFileURL(OFFER_PATH).toString();

/** The server's request handlers over an in-memory connection and document manager. */
class InProcessServer<Host extends FileHost = MemoryFileHost> {
  readonly handlers = new Map<string, (params: unknown) => unknown>();
  readonly logged: string[] = [];
  readonly open = new Map<string, TextDocument>();
  private readonly closed: ((event: { document: TextDocument }) => void)[] = [];
  readonly service: OfferLanguageService;

  constructor(
    readonly host: Host = makeHost() as FileHost as Host,
    readonly folders: string[] = [WORKSPACE],
  ) {
    // As the server runs it: answers about files and the diagnostics of a version are kept.
    this.service = new OfferLanguageService({ fileHost: host, rememberFilesForMs: 60_000 });
    const connection = { onRequest: (method: string, handler: (params: unknown) => unknown) => this.handlers.set(method, handler) };
    const documents = { get: (uri: string) => this.open.get(uri), onDidClose: (listener: (event: { document: TextDocument }) => void) => this.closed.push(listener) };
    registerOfferRequests({
      connection: connection as never,
      documents: documents as never,
      service: this.service,
      guard: createGuard({ error: (message) => this.logged.push(message) }),
      locate: (document) => ({ offerPath: new URL(document.uri).pathname, workspaceRoot: WORKSPACE }),
      workspaceFolders: () => this.folders,
    });
  }

  openOffer(text: string, uri = OFFER_URI, version = 1): TextDocument {
    const document = TextDocument.create(uri, 'marketplace-offer', version, text);
    this.open.set(uri, document);
    return document;
  }

  change(text: string, uri = OFFER_URI): TextDocument {
    const previous = this.open.get(uri)!;
    const document = TextDocument.create(uri, 'marketplace-offer', previous.version + 1, text);
    this.open.set(uri, document);
    return document;
  }

  close(uri = OFFER_URI): void {
    const document = this.open.get(uri)!;
    this.open.delete(uri);
    this.closed.forEach((listener) => listener({ document }));
  }

  async request<P, R>(type: OfferRequestType<P, R>, params: P): Promise<R> {
    const handler = this.handlers.get(type.method);
    assert.ok(handler, `${type.method} is registered`);
    return (await handler(params)) as R;
  }
}

function find(root: TreeNodeModel, kind: TreeNodeModel['kind'], label?: string): TreeNodeModel {
  const found = flattenTree(root).find((node) => node.kind === kind && (label === undefined || node.label === label));
  assert.ok(found, `no ${kind} ${label ?? ''}`);
  return found;
}

describe('the server\'s answers to the extension', () => {
  it('gives the tree, readiness and preview of an open offer, from its own diagnostics, once per version', async () => {
    const server = new InProcessServer();
    const offer = exampleOffer();
    offer.plans[0].planId = 'Gold';
    server.openOffer(printed(offer), OFFER_URI, 4);

    const tree = (await server.request(PlanTreeRequest, { uri: OFFER_URI })) as OfferTree;
    assert.strictEqual(tree.version, 4);
    assert.strictEqual(tree.root.label, 'Contoso Sentinel Operations');
    const plan = find(tree.root, 'plan', 'Gold');
    assert.strictEqual(plan.problems.errors, 1);
    assert.match(plan.tooltip ?? '', /^Plan ID 'Gold'/);
    // The CSV is counted: 1 inline id + 2 in gold-customers.csv.
    assert.strictEqual(plan.description, '1 error · gold · private · 3 subscriptions');

    const readiness = (await server.request(ReadinessRequest, { uri: OFFER_URI })) as OfferReadiness;
    assert.strictEqual(readiness.status.summary, 'Offer: 1 error — 1 section incomplete');
    assert.deepStrictEqual(
      readiness.status.sections.filter((section) => section.state !== 'complete').map((section) => [section.title, section.stateLabel]),
      [['Plan "Gold"', 'Incomplete']],
    );
    const preview = (await server.request(PreviewRequest, { uri: OFFER_URI })) as ListingPreviewData;
    assert.strictEqual(preview.status, readiness.status, 'one readiness per version');
    assert.deepStrictEqual(preview.images['media/logo-large.png'], { status: 'ok', absolutePath: path.join(WORKSPACE, 'offer', 'media', 'logo-large.png') });

    // Asked again for the same version: the same tree, not a new one.
    assert.strictEqual((await server.request(PlanTreeRequest, { uri: OFFER_URI }))?.root, tree.root);
    // A new version: a new tree.
    offer.plans[0].planId = 'gold';
    server.change(printed(offer));
    const fixed = (await server.request(PlanTreeRequest, { uri: OFFER_URI })) as OfferTree;
    assert.strictEqual(fixed.version, 5);
    assert.strictEqual(find(fixed.root, 'plan', 'gold').problems.errors, 0);
    // A file beside the offer changed on disk: the same version is checked again.
    server.host.write(path.join(WORKSPACE, 'offer', 'gold-customers.csv'), 'Type,Id,Description\nSubscriptionId,4b5c6d7e-8f9a-4b0c-9d2e-3f4a5b6c7d8e,Fabrikam\n');
    assert.strictEqual(find((await server.request(PlanTreeRequest, { uri: OFFER_URI }))!.root, 'plan', 'gold').description, 'private · 3 subscriptions');
    server.service.filesChanged();
    assert.strictEqual(find((await server.request(PlanTreeRequest, { uri: OFFER_URI }))!.root, 'plan', 'gold').description, 'private · 2 subscriptions');
    assert.deepStrictEqual(server.logged, []);
  });

  it('builds the tree of 6,000 empty authorizations with each problem on its own authorization', async () => {
    const offer = exampleOffer();
    offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: 6000 }, () => ({}));
    delete offer.plans[0].technicalConfiguration.eligibleAuthorizations;
    const server = new InProcessServer();
    server.openOffer(JSON.stringify(offer));
    const tree = (await server.request(PlanTreeRequest, { uri: OFFER_URI })) as OfferTree;
    const plan = find(tree.root, 'plan', 'gold');
    assert.strictEqual(plan.children.length, 6000);
    assert.deepStrictEqual(
      [plan.children[0].label, plan.children[5999].label],
      ['(no display name) — (no role)', '(no display name) — (no role)'],
    );
    assert.strictEqual(plan.children[5999].pointer, '/plans/0/technicalConfiguration/authorizations/5999');
    // Every authorization misses its three required properties: three errors on each, none elsewhere.
    for (const authorization of plan.children) {
      assert.strictEqual(authorization.problems.errors, 3, authorization.pointer);
      assert.strictEqual(authorization.tooltip?.split('\n').length, 3, 'its three messages in its tooltip');
    }
    const diagnostics = server.service.validate(server.open.get(OFFER_URI)!, { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE });
    const inPlan = diagnostics.filter((d) => d.path.startsWith('/plans/0/') || d.path === '/plans/0');
    assert.strictEqual(plan.problems.errors, inPlan.filter((d) => d.severity === 'error').length);
    assert.strictEqual(tree.root.problems.errors, diagnostics.filter((d) => d.severity === 'error').length);
    const warnings = inPlan.filter((d) => d.severity === 'warning').length;
    assert.strictEqual(plan.description, `${plan.problems.errors} errors, ${warnings} warning${warnings === 1 ? '' : 's'} · private · 3 subscriptions`);
  });

  it('reads an offer nobody opened inside the workspace only, within the size limit, and not the files it names', async () => {
    const host = makeHost();
    const other = path.join(WORKSPACE, 'silver', 'silver.offer.json');
    const offer = exampleOffer();
    offer.listing.name = 'Contoso Silver';
    offer.plans[0].privateAudience.csv = 'huge.csv';
    host.write(other, printed(offer));
    host.write(path.join(WORKSPACE, 'silver', 'huge.csv'), '\n'.repeat(4 * 1024 * 1024));
    host.write(path.resolve('/elsewhere/offer.json'), EXAMPLE_OFFER_TEXT);
    host.write(path.join(WORKSPACE, 'big', 'offer.json'), ' '.repeat(MAX_UNOPENED_OFFER_BYTES) + '{}');
    host.write(path.join(WORKSPACE, 'notes.json'), '{"plans": []}');
    host.links.set(path.join(WORKSPACE, 'linked'), path.resolve('/elsewhere'));
    const server = new InProcessServer(host);

    const tree = (await server.request(PlanTreeRequest, { uri: pathToFileURL(other).toString() })) as OfferTree;
    assert.strictEqual(tree.version, null);
    assert.strictEqual(tree.root.label, 'Contoso Silver');
    // Checked for what its text says (a missing display name would show), named but not counted.
    assert.strictEqual(find(tree.root, 'plan', 'gold').description, 'private · 1 subscription + huge.csv');
    assert.strictEqual(host.reads.get(path.join(WORKSPACE, 'silver', 'huge.csv')), undefined, 'the CSV of an offer nobody opened is not read');
    assert.strictEqual(host.reads.get(other), 1);
    await server.request(PlanTreeRequest, { uri: pathToFileURL(other).toString() });
    assert.strictEqual(host.reads.get(other), 1, 'read again only when it changes');

    for (const refused of [path.resolve('/elsewhere/offer.json'), path.join(WORKSPACE, 'linked', 'offer.json'), path.join(WORKSPACE, 'notes.json')]) {
      assert.strictEqual(await server.request(PlanTreeRequest, { uri: pathToFileURL(refused).toString() }), null, refused);
    }
    assert.strictEqual(host.reads.get(path.resolve('/elsewhere/offer.json')), undefined, 'never read outside the workspace');
    assert.strictEqual(await server.request(PlanTreeRequest, { uri: pathToFileURL(path.join(WORKSPACE, 'big', 'offer.json')).toString() }), null);
    assert.strictEqual(host.reads.get(path.join(WORKSPACE, 'big', 'offer.json')), undefined, 'a file over the limit is not read');
    assert.strictEqual(await server.request(ReadinessRequest, { uri: pathToFileURL(other).toString() }), null, 'readiness only for open offers');
  });

  it('reads an offer nobody opened by the real path it checked, so a link swapped in after the check is not followed', async () => {
    const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'offer-unopened-')));
    try {
      const workspace = path.join(temp, 'ws');
      const secret = path.join(temp, 'outside', 'offer.json');
      fs.mkdirSync(path.join(workspace, 'silver'), { recursive: true });
      fs.mkdirSync(path.dirname(secret));
      fs.writeFileSync(secret, EXAMPLE_OFFER_TEXT.replace('Contoso Sentinel Operations', 'Outside the workspace'));
      const offerPath = path.join(workspace, 'silver', 'silver.offer.json');
      const aliasPath = path.join(workspace, 'alias.offer.json');
      const swappedPath = path.join(workspace, 'silver', 'gold.offer.json');
      fs.writeFileSync(offerPath, EXAMPLE_OFFER_TEXT);
      fs.writeFileSync(swappedPath, EXAMPLE_OFFER_TEXT);
      fs.symlinkSync(offerPath, aliasPath);
      const given: string[] = [];
      let swapAfterStat = false;
      const swapping: FileHost = {
        ...nodeFileHost,
        // The offer is replaced by a link out of the workspace between the check and the read.
        stat: (absolutePath) => {
          const stamp = nodeFileHost.stat(absolutePath);
          if (swapAfterStat && absolutePath === swappedPath) {
            fs.rmSync(swappedPath);
            fs.symlinkSync(secret, swappedPath);
          }
          return stamp;
        },
        readFile: (absolutePath, maxBytes) => (given.push(absolutePath), nodeFileHost.readFile(absolutePath, maxBytes)),
      };
      const server = new InProcessServer(swapping, [workspace]);

      // A link inside the workspace is followed by the check, and the file read by its real path.
      const linked = await server.request(PlanTreeRequest, { uri: pathToFileURL(aliasPath).toString() });
      assert.strictEqual(linked?.root.label, 'Contoso Sentinel Operations');
      assert.deepStrictEqual(given, [offerPath]);

      swapAfterStat = true;
      assert.strictEqual(await server.request(PlanTreeRequest, { uri: pathToFileURL(swappedPath).toString() }), null);
      assert.deepStrictEqual(given, [offerPath, swappedPath], 'the checked path, now a link, was not followed');
      assert.deepStrictEqual(server.logged, []);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });

  it('shows no secret in the tree or readiness of an offer, open or not', async () => {
    const host = makeHost();
    const secret = 'Zk1Q7vLq2Wn8Rx4Tb9Ys1Pd5';
    const offer = exampleOffer();
    offer.leadManagement.httpsEndpointUrl = `leads.contoso.com/api/lead?code=${secret}`;
    const unopened = path.join(WORKSPACE, 'silver', 'silver.offer.json');
    host.write(unopened, printed(offer));
    const server = new InProcessServer(host);
    server.openOffer(printed(offer));

    const shown = [
      await server.request(PlanTreeRequest, { uri: pathToFileURL(unopened).toString() }),
      await server.request(PlanTreeRequest, { uri: OFFER_URI }),
      await server.request(ReadinessRequest, { uri: OFFER_URI }),
    ];
    // Each tree has the problems in its tooltips, their secrets hidden.
    for (const answer of shown.slice(0, 2)) {
      const tooltips = flattenTree((answer as OfferTree).root).map((node) => node.tooltip ?? '');
      assert.ok(tooltips.some((tooltip) => tooltip.includes('code=(hidden)')), tooltips.join('\n'));
    }
    const everything = JSON.stringify(shown);
    assert.ok(!everything.includes(secret), everything.slice(Math.max(0, everything.indexOf(secret) - 300), everything.indexOf(secret) + 50));
  });

  it('computes the tree\'s edits on its version of the text, and refuses another version or a node that moved', async () => {
    const server = new InProcessServer();
    const document = server.openOffer(EXAMPLE_OFFER_TEXT, OFFER_URI, 3);
    const apply = (result: OfferEditResult) => {
      assert.strictEqual(result.outcome, 'edits');
      const text = document.getText();
      const edits = result.edits.map((e) => ({
        offset: document.offsetAt(e.range.start),
        length: document.offsetAt(e.range.end) - document.offsetAt(e.range.start),
        content: e.newText,
      }));
      return applyEdits(text, edits);
    };

    assert.deepStrictEqual(await server.request(OfferEditRequest, { uri: OFFER_URI, version: 2, edit: { kind: 'addPlan', planId: 'silver' } }), { outcome: 'stale' });
    const added = apply(await server.request(OfferEditRequest, { uri: OFFER_URI, version: 3, edit: { kind: 'addPlan', planId: 'silver' } }));
    assert.deepStrictEqual(parse(added).plans.map((plan: { planId: string }) => plan.planId), ['gold', 'silver']);
    assert.ok(added.includes('// Contributor'), 'comments kept');
    assert.deepStrictEqual(await server.request(OfferEditRequest, { uri: OFFER_URI, version: 3, edit: { kind: 'addPlan', planId: 'gold' } }), {
      outcome: 'refused',
      message: 'The offer already has a plan "gold".',
    });
    assert.deepStrictEqual(await server.request(CheckPlanIdRequest, { uri: OFFER_URI, planId: 'Silver' }), {
      problem: 'A plan ID has 1 to 50 lowercase letters, digits, "-" or "_": "Silver" does not.',
    });
    assert.deepStrictEqual(await server.request(CheckPlanIdRequest, { uri: OFFER_URI, planId: 'silver' }), { problem: null });

    const reader = { kind: 'remove' as const, pointer: '/plans/0/technicalConfiguration/authorizations/1', nodeKind: 'authorization' as const };
    assert.deepStrictEqual(await server.request(OfferEditRequest, { uri: OFFER_URI, version: 3, edit: { ...reader, label: 'Tier 2 Operators — Contributor' } }), { outcome: 'stale' });
    const removed = apply(await server.request(OfferEditRequest, { uri: OFFER_URI, version: 3, edit: { ...reader, label: 'SOC Analysts — Reader' } }));
    assert.strictEqual(parse(removed).plans[0].technicalConfiguration.authorizations.length, 3);

    const plans = await server.request(PlansRequest, { uri: OFFER_URI });
    assert.deepStrictEqual(
      plans && { version: plans.version, plans: plans.plans.map(({ index, planId, label }) => ({ index, planId, label })), suggestedPlanId: plans.suggestedPlanId },
      { version: 3, plans: [{ index: 0, planId: 'gold', label: 'gold' }], suggestedPlanId: 'plan-2' },
    );
  });

  it('offers the catalog\'s roles for the picker: the common ones first, never Owner', async () => {
    const server = new InProcessServer();
    const roles = await server.request(RoleChoicesRequest, {});
    assert.deepStrictEqual(
      roles.common.map((role) => [role.roleName, role.assignsRoles]),
      [
        ['Reader', false],
        ['Contributor', false],
        ['Managed Services Registration assignment Delete Role', false],
        ['User Access Administrator', true],
      ],
    );
    assert.ok(!roles.supported.some((role) => role.roleName === 'Owner' || roles.common.some((common) => common.id === role.id)));
    assert.ok(roles.assignable.some((role) => role.roleName === 'Contributor'));
    assert.ok(!roles.assignable.some((role) => role.roleName === 'User Access Administrator'));
  });

  it('exports a plan from the diagnostics it has, and imports a template back', async () => {
    const server = new InProcessServer(new MemoryFileHost(exampleFiles()));
    server.openOffer(EXAMPLE_OFFER_TEXT, OFFER_URI, 2);
    assert.deepStrictEqual(await server.request(ExportPlanRequest, { uri: OFFER_URI, version: 1, planId: 'gold', scope: 'subscription' }), { outcome: 'stale' });
    const exported = await server.request(ExportPlanRequest, { uri: OFFER_URI, version: 2, planId: 'gold', scope: 'resourceGroup' });
    assert.strictEqual(exported.outcome, 'exported');
    const { files } = exported;
    assert.deepStrictEqual(files.map((file) => file.name), ['gold.template.json', 'gold.parameters.json']);
    // The files the user picks are read by the server from disk, as import-arm reads them.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-import-'));
    const [template, parameters, broken] = [...files.map((file) => path.join(folder, file.name)), path.join(folder, 'broken.json')];
    files.forEach((file, i) => fs.writeFileSync([template, parameters][i], file.contents));
    fs.writeFileSync(broken, '{');
    const imported = await server.request(ImportTemplateRequest, {
      template: { path: template, name: 'gold.template.json' },
      parameters: { path: parameters, name: 'gold.parameters.json' },
    });
    assert.strictEqual(imported.outcome, 'imported');
    assert.strictEqual((imported as { technicalConfiguration: { tenantId: string } }).technicalConfiguration.tenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47');
    const unreadable = await server.request(ImportTemplateRequest, { template: { path: broken, name: 'broken.json' } });
    assert.strictEqual(unreadable.outcome, 'refused');
    assert.match((unreadable as { message: string }).message, /^broken\.json is not valid JSON: /);
    fs.rmSync(folder, { recursive: true, force: true });

    server.change(EXAMPLE_OFFER_TEXT.replace('"72f988bf-86f1-41af-91ab-2d7cd011db47"', '"contoso.onmicrosoft.com"'));
    const refused = await server.request(ExportPlanRequest, { uri: OFFER_URI, version: 3, planId: 'gold', scope: 'subscription' });
    assert.strictEqual(refused.outcome, 'refused');
    assert.deepStrictEqual((refused as { problems: { code: string }[] }).problems.map((p) => p.code), ['tenant-id-format']);
  });

  it('forgets a closed offer, and answers nothing about an offer it cannot read', async () => {
    const server = new InProcessServer();
    server.openOffer(EXAMPLE_OFFER_TEXT);
    assert.ok(await server.request(ReadinessRequest, { uri: OFFER_URI }));
    server.close();
    assert.strictEqual(await server.request(ReadinessRequest, { uri: OFFER_URI }), null);
    assert.strictEqual(await server.request(PreviewRequest, { uri: OFFER_URI }), null);
    assert.strictEqual(await server.request(PlansRequest, { uri: OFFER_URI }), null);
    assert.strictEqual(await server.request(PlanTreeRequest, { uri: 'untitled:Untitled-1' }), null);
    assert.strictEqual(await server.request(PlanTreeRequest, { uri: 'file:///%' }), null);
  });
});

describe('the server\'s hand-off sheet for the editor', () => {
  const fieldsOf = (answer: OfferHandoff | null): HandoffField[] =>
    answer ? answer.sheet.pages.flatMap((page) => page.sections.flatMap((section) => section.fields)) : [];
  const field = (answer: OfferHandoff | null, id: string): HandoffField => {
    const found = fieldsOf(answer).find((candidate) => candidate.id === id);
    assert.ok(found, `a field ${id}`);
    return found;
  };

  it('gives the sheet of an open offer with its files looked up, once per version, and new tick ids only for changed values', async () => {
    const server = new InProcessServer();
    const offer = exampleOffer();
    server.openOffer(printed(offer), OFFER_URI, 7);

    const sheet = await server.request(HandoffRequest, { uri: OFFER_URI });
    assert.strictEqual(sheet?.version, 7);
    assert.strictEqual(sheet.sheet.title, 'Contoso Sentinel Operations');
    // The pages themselves are handoff.test's: here, that the whole sheet crosses the wire.
    const titles = sheet.sheet.pages.map((page) => (page.plan ? `${page.plan.title}: ${page.title}` : page.title));
    assert.strictEqual(titles.length, 8);
    assert.deepStrictEqual([titles[0], titles[6], titles[7]], ['Offer setup', 'Plan "gold": Technical configuration', 'Review and publish']);
    const tenant = field(sheet, '/plans/gold/technicalConfiguration/tenantId');
    assert.strictEqual(tenant.value, '72f988bf-86f1-41af-91ab-2d7cd011db47');
    // The uploads were looked up beside the offer: the logo is there, the CSV's ids are counted.
    assert.deepStrictEqual(field(sheet, '/listing/logos/large').file, {
      status: 'ok',
      absolutePath: path.join(WORKSPACE, 'offer', 'media', 'logo-large.png'),
    });
    assert.deepStrictEqual(field(sheet, '/plans/gold/privateAudience/csv').notes, ['2 subscription IDs']);
    // Asked again for the same version: the same sheet, not a new one.
    assert.strictEqual((await server.request(HandoffRequest, { uri: OFFER_URI }))?.sheet, sheet.sheet);

    // A new version where one value changed: that field's tick id changes, the others' do not.
    offer.plans[0].technicalConfiguration.tenantId = '0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6b';
    server.change(printed(offer));
    const changed = await server.request(HandoffRequest, { uri: OFFER_URI });
    assert.strictEqual(changed?.version, 8);
    const before = new Map(fieldsOf(sheet).map((f) => [f.id, f.tickId]));
    const moved = fieldsOf(changed).filter((f) => before.get(f.id) !== f.tickId).map((f) => f.id);
    assert.deepStrictEqual(moved, ['/plans/gold/technicalConfiguration/tenantId']);

    // A file beside the offer went away: the same version says so once the server hears of it.
    server.host.files.delete(path.join(WORKSPACE, 'offer', 'media', 'logo-large.png'));
    server.service.filesChanged();
    const missing = field(await server.request(HandoffRequest, { uri: OFFER_URI }), '/listing/logos/large');
    assert.strictEqual(missing.file?.status, 'not-found');
    assert.deepStrictEqual(missing.notes, ['The file does not exist.']);
    assert.deepStrictEqual(server.logged, []);
  });

  it('answers nothing for an offer no editor has open, a closed one or a URI it cannot read', async () => {
    const host = makeHost();
    const unopened = path.join(WORKSPACE, 'silver', 'silver.offer.json');
    host.write(unopened, EXAMPLE_OFFER_TEXT);
    const server = new InProcessServer(host);
    assert.strictEqual(await server.request(HandoffRequest, { uri: pathToFileURL(unopened).toString() }), null);
    assert.strictEqual(host.reads.get(unopened), undefined, 'not read from disk');
    server.openOffer(EXAMPLE_OFFER_TEXT);
    assert.ok(await server.request(HandoffRequest, { uri: OFFER_URI }));
    server.close();
    assert.strictEqual(await server.request(HandoffRequest, { uri: OFFER_URI }), null);
    assert.strictEqual(await server.request(HandoffRequest, { uri: 'file:///%' }), null);
  });

  it('gives a sheet for text that is not an offer yet, rather than failing', async () => {
    const server = new InProcessServer();
    server.openOffer('{ "offerId": ');
    const answer = await server.request(HandoffRequest, { uri: OFFER_URI });
    assert.ok(answer);
    assert.strictEqual(answer.sheet.title, 'Untitled offer');
    assert.ok(fieldsOf(answer).some((f) => f.id === '/offerId' && f.value === undefined), 'the required offer ID, still to write');
    assert.deepStrictEqual(server.logged, []);
  });
});
