/**
 * The hand-off sheet: every page of Partner Center that a managed service offer fills in, in
 * Partner Center's order, each field with the exact value to type or pick or the file to upload.
 * Partner Center has no API for these offers, so a publisher copies each value by hand; the sheet
 * is what they copy from (`offer-lint handoff`, and the editor's hand-off view).
 *
 * Pure and JSON-serialisable: the offer (parsed), the role catalog and, optionally, the files
 * beside the offer (to say whether an upload exists and how many ids a CSV holds) in; the sheet
 * out. Rendering (markdown, a webview) is separate. A secret is never put in the sheet: a value
 * holding one is shown with it hidden and a note to paste the real value.
 */
import type { JSONPath, Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { requiredImageSize } from '@core/knowledge/fieldLimits';
import { LOGOS } from '@core/knowledge/logos';
import { t } from '@core/l10n';
import { toPointer } from '@core/model/jsonPointer';
import { at, entries, items, prop, str } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { offerName, plansOf, PlanRef } from '@core/model/offerStructure';
import type { HandoffField, HandoffFieldKind, HandoffPage, HandoffSection, HandoffSheet } from '@core/protocol';
import { quoteValue } from '@core/text/quote';
import { findSecrets, isEnvReference, redactSecrets } from '@core/text/secrets';
import { LEAD_DESTINATION_FIELDS } from '../../rules/offerSetup/leadDestinationFields';
import type { OfferFiles } from '../../workspace/offerFiles';
import { durationLabel, leadDestinationLabel, leadSettingLabel, logoLabel, visibilityLabel } from './partnerCenterLabels';

// The sheet's shape is part of the extension–server contract: the editor's hand-off view gets it
// over `HandoffRequest`.
export type { HandoffField, HandoffFieldKind, HandoffPage, HandoffSection, HandoffSheet };

interface FieldSpec {
  label: string;
  /** Path of the value in the offer (what `pointer` names). */
  path: JSONPath;
  /** The value's node: its text is the value. */
  node: Node | undefined;
  kind?: HandoffFieldKind;
  /** Shown even without a value: a field Partner Center requires. */
  required?: boolean;
  /** A second field on the same value: told apart by this suffix of the id. */
  variant?: string;
  /** For a choice: Partner Center's name of the offer's value. */
  choice?: (value: string) => string | undefined;
  /** A value that is not the node's text (a role's name), with the node still giving the pointer. */
  derivedValue?: string;
  notes?: string[];
}

/** The sizes Partner Center asks of screenshots and video thumbnails, from the image-size table. */
const SCREENSHOT_SIZE = requiredImageSize(['listing', 'screenshots', 0, 'path']);
const THUMBNAIL_SIZE = requiredImageSize(['listing', 'videos', 0, 'thumbnail']);

export function handoffSheet(document: OfferDocument, catalog: RoleCatalog, files?: OfferFiles): HandoffSheet {
  const root = document.root?.type === 'object' ? document.root : undefined;
  return new SheetBuilder(root, catalog, files).build();
}

class SheetBuilder {
  private readonly plans: readonly PlanRef[];
  private readonly planKeys: string[];
  private readonly ids = new Set<string>();
  /** Per id asked for, the suffix its next repeat tries first: a key repeated n times costs n steps, not n². */
  private readonly nextSuffix = new Map<string, number>();

  constructor(
    private readonly root: Node | undefined,
    private readonly catalog: RoleCatalog,
    private readonly files: OfferFiles | undefined,
  ) {
    this.plans = plansOf(root);
    this.planKeys = planKeys(this.plans);
  }

  build(): HandoffSheet {
    const pages = [
      this.offerSetup(),
      this.properties(),
      this.listing(),
      this.previewAudience(),
      ...this.plans.flatMap((plan) => this.planPages(plan)),
      this.review(),
    ].filter((page) => page.sections.length > 0);
    return { title: this.title(), pages };
  }

  private title(): string {
    const name = offerName(this.root);
    return name !== undefined ? quoteValue(name) : t('Untitled offer');
  }

  // Offer-level pages.

  private offerSetup(): HandoffPage {
    const lead = prop(this.root, 'leadManagement');
    const destination = prop(lead, 'destination');
    const known = new Set(['destination', ...Object.values(LEAD_DESTINATION_FIELDS).flat()]);
    const leadFields: (HandoffField | undefined)[] = [
      this.field({
        label: t('Lead destination'),
        path: ['leadManagement', 'destination'],
        node: destination,
        kind: 'choice',
        required: true,
        choice: leadDestinationLabel,
      }),
    ];
    // The settings in the order Partner Center's form asks for them, then any others the offer has.
    for (const key of Object.values(LEAD_DESTINATION_FIELDS).flat()) {
      const node = prop(lead, key);
      if (key === 'emails') {
        items(node).forEach((email, index) =>
          leadFields.push(this.field({ label: t('Contact email {0}', index + 1), path: ['leadManagement', key, index], node: email })),
        );
      } else if (node) {
        leadFields.push(this.field({ label: leadSettingLabel(key) ?? key, path: ['leadManagement', key], node }));
      }
    }
    for (const { key, valueNode } of entries(lead)) {
      if (!known.has(key)) {
        leadFields.push(this.field({ label: quoteValue(key), path: ['leadManagement', key], node: valueNode }));
      }
    }
    return this.page('offerSetup', t('Offer setup'), undefined, [
      this.section(
        'offerSetup',
        'create',
        t('New offer'),
        t('Marketplace offers → + New offer → Managed service. The offer ID and alias cannot change after you select Create.'),
        [
          this.field({ label: t('Offer ID'), path: ['offerId'], node: prop(this.root, 'offerId'), required: true }),
          this.field({ label: t('Offer alias'), path: ['alias'], node: prop(this.root, 'alias'), required: true }),
        ],
      ),
      this.section(
        'offerSetup',
        'leads',
        t('Customer leads'),
        t('Customer leads → Connect: pick the lead destination, then fill in its settings.'),
        leadFields,
      ),
    ]);
  }

  private properties(): HandoffPage {
    const properties = prop(this.root, 'properties');
    const categories = items(prop(properties, 'categories'));
    return this.page('properties', t('Properties'), undefined, [
      this.section(
        'properties',
        'categories',
        t('Categories'),
        undefined,
        categories.length > 0
          ? categories.map((node, index) =>
              this.field({ label: t('Category {0}', index + 1), path: ['properties', 'categories', index], node, kind: 'choice' }),
            )
          : [
              this.field({
                label: t('Category {0}', 1),
                path: ['properties', 'categories', 0],
                node: undefined,
                kind: 'choice',
                required: true,
              }),
            ],
      ),
      this.section('properties', 'legal', t('Legal'), undefined, [
        this.field({
          label: t('Terms and conditions'),
          path: ['properties', 'termsAndConditions'],
          node: prop(properties, 'termsAndConditions'),
          kind: 'multiline',
          required: true,
        }),
      ]),
    ]);
  }

  private listing(): HandoffPage {
    const listing = prop(this.root, 'listing');
    const text = (label: string, key: string, required: boolean, kind: HandoffFieldKind = 'text') =>
      this.field({ label, path: ['listing', key], node: prop(listing, key), required, kind });
    const contact = (key: string, title: string) =>
      this.section('listing', key, title, undefined, [
        this.field({ label: t('Name'), path: ['listing', key, 'name'], node: at(listing, key, 'name'), required: true }),
        this.field({ label: t('Email'), path: ['listing', key, 'email'], node: at(listing, key, 'email'), required: true }),
        this.field({ label: t('Phone'), path: ['listing', key, 'phone'], node: at(listing, key, 'phone'), required: true }),
      ]);
    const media: (HandoffField | undefined)[] = [];
    for (const { size, width, height } of LOGOS) {
      const label = logoLabel(size, width, height);
      media.push(this.field({ label, path: ['listing', 'logos', size], node: at(listing, 'logos', size), kind: 'file', required: true }));
    }
    items(prop(listing, 'screenshots')).forEach((shot, index) => {
      media.push(
        this.field({
          label: t('Screenshot {0} ({1}×{2} PNG)', index + 1, SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height),
          path: ['listing', 'screenshots', index, 'path'],
          node: prop(shot, 'path'),
          kind: 'file',
          required: true,
        }),
      );
      media.push(
        this.field({
          label: t('Screenshot {0} caption', index + 1),
          path: ['listing', 'screenshots', index, 'caption'],
          node: prop(shot, 'caption'),
        }),
      );
    });
    items(prop(listing, 'videos')).forEach((video, index) => {
      const path = ['listing', 'videos', index];
      media.push(this.field({ label: t('Video {0} name', index + 1), path: [...path, 'name'], node: prop(video, 'name'), required: true }));
      media.push(this.field({ label: t('Video {0} URL', index + 1), path: [...path, 'url'], node: prop(video, 'url'), required: true }));
      media.push(
        this.field({
          label: t('Video {0} thumbnail ({1}×{2} PNG)', index + 1, THUMBNAIL_SIZE.width, THUMBNAIL_SIZE.height),
          path: [...path, 'thumbnail'],
          node: prop(video, 'thumbnail'),
          kind: 'file',
          required: true,
        }),
      );
    });
    const links = items(prop(listing, 'usefulLinks')).flatMap((link, index) => [
      this.field({
        label: t('Link {0} name', index + 1),
        path: ['listing', 'usefulLinks', index, 'name'],
        node: prop(link, 'name'),
        required: true,
      }),
      this.field({
        label: t('Link {0} URL', index + 1),
        path: ['listing', 'usefulLinks', index, 'url'],
        node: prop(link, 'url'),
        required: true,
      }),
    ]);
    return this.page('listing', t('Offer listing'), undefined, [
      this.section('listing', 'details', t('Marketplace details'), undefined, [
        text(t('Name'), 'name', true),
        text(t('Search results summary'), 'searchResultsSummary', true),
        text(t('Long summary'), 'longSummary', false, 'multiline'),
        text(t('Description'), 'description', true, 'multiline'),
        text(t('Privacy policy link'), 'privacyPolicyUrl', true),
      ]),
      this.section('listing', 'links', t('Useful links'), undefined, links),
      contact('supportContact', t('Support contact')),
      contact('engineeringContact', t('Engineering contact')),
      this.section('listing', 'supportUrls', t('Support URLs'), undefined, [
        this.field({
          label: t('Azure Global support website'),
          path: ['listing', 'supportUrls', 'azureGlobal'],
          node: at(listing, 'supportUrls', 'azureGlobal'),
        }),
        this.field({
          label: t('Azure Government support website'),
          path: ['listing', 'supportUrls', 'azureGovernment'],
          node: at(listing, 'supportUrls', 'azureGovernment'),
        }),
      ]),
      this.section('listing', 'media', t('Marketplace media'), undefined, media),
    ]);
  }

  private previewAudience(): HandoffPage {
    const audience = prop(this.root, 'previewAudience');
    return this.page('previewAudience', t('Preview audience'), undefined, [
      this.section(
        'previewAudience',
        'audience',
        t('Preview audience'),
        t('Add each Azure subscription ID, or import the CSV file.'),
        this.audienceFields(['previewAudience'], audience),
      ),
    ]);
  }

  private review(): HandoffPage {
    return this.page('review', t('Review and publish'), undefined, [
      this.section('review', 'certification', t('Notes for certification'), undefined, [
        this.field({
          label: t('Notes for certification'),
          path: ['certificationNotes'],
          node: prop(this.root, 'certificationNotes'),
          kind: 'multiline',
        }),
      ]),
    ]);
  }

  // A plan's pages.

  private planPages(plan: PlanRef): HandoffPage[] {
    const base: JSONPath = ['plans', plan.index];
    const key = this.planKeys[plan.index];
    const info = {
      index: plan.index,
      planId: plan.planId,
      title: plan.planId ? t('Plan "{0}"', quoteValue(plan.planId)) : t('Plan {0}', plan.index + 1),
    };
    const node = plan.node;
    const listingPage = this.page(`plan:${key}/listing`, t('Plan listing'), info, [
      this.section(
        `plan:${key}/listing`,
        'create',
        t('New plan'),
        t('Plan overview → + Create new plan. The plan ID and name cannot change after you select Create.'),
        [
          this.field({ label: t('Plan ID'), path: [...base, 'planId'], node: prop(node, 'planId'), required: true }),
          this.field({ label: t('Plan name'), path: [...base, 'name'], node: prop(node, 'name'), required: true }),
        ],
      ),
      this.section(`plan:${key}/listing`, 'listing', t('Plan listing'), undefined, [
        this.field({ label: t('Plan name'), path: [...base, 'name'], node: prop(node, 'name'), required: true, variant: 'listing' }),
        this.field({
          label: t('Search results summary'),
          path: [...base, 'listing', 'searchResultsSummary'],
          node: at(node, 'listing', 'searchResultsSummary'),
          required: true,
        }),
        this.field({
          label: t('Description'),
          path: [...base, 'listing', 'description'],
          node: at(node, 'listing', 'description'),
          kind: 'multiline',
          required: true,
        }),
      ]),
    ]);
    const visibility = prop(node, 'visibility');
    const audience = prop(node, 'privateAudience');
    const availabilityPage = this.page(`plan:${key}/availability`, t('Pricing and availability'), info, [
      this.section(`plan:${key}/availability`, 'pricing', t('Pricing'), undefined, [
        this.field({
          label: t('Pricing model'),
          path: [...base, 'pricingModel'],
          node: prop(node, 'pricingModel'),
          kind: 'choice',
          required: true,
        }),
      ]),
      this.section(`plan:${key}/availability`, 'visibility', t('Plan visibility'), undefined, [
        this.field({
          label: t('Visibility'),
          path: [...base, 'visibility'],
          node: visibility,
          kind: 'choice',
          required: true,
          choice: visibilityLabel,
        }),
        ...(audience || str(visibility) === 'private' ? this.audienceFields([...base, 'privateAudience'], audience) : []),
      ]),
    ]);
    const configurationPage = this.page(
      `plan:${key}/technicalConfiguration`,
      t('Technical configuration'),
      info,
      this.technicalConfiguration(plan, key),
    );
    return [listingPage, availabilityPage, configurationPage];
  }

  private technicalConfiguration(plan: PlanRef, key: string): HandoffSection[] {
    const pageId = `plan:${key}/technicalConfiguration`;
    const base: JSONPath = ['plans', plan.index, 'technicalConfiguration'];
    const configuration = plan.technicalConfiguration;
    const sections = [
      this.section(pageId, 'manifest', t('Manifest'), undefined, [
        this.field({ label: t('Version'), path: [...base, 'version'], node: prop(configuration, 'version'), required: true }),
        this.field({ label: t('Tenant ID'), path: [...base, 'tenantId'], node: prop(configuration, 'tenantId'), required: true }),
      ]),
    ];
    items(prop(configuration, 'authorizations')).forEach((authorization, index) => {
      const path = [...base, 'authorizations', index];
      const fields = [...this.authorizationFields(path, authorization), this.accessType(path, authorization, t('Permanent'))];
      items(prop(authorization, 'delegatedRoleDefinitionIds')).forEach((role, roleIndex) => {
        fields.push(
          ...this.roleFields(
            [...path, 'delegatedRoleDefinitionIds', roleIndex],
            role,
            t('Assignable role {0}', roleIndex + 1),
            t('Assignable role {0} ID', roleIndex + 1),
          ),
        );
      });
      sections.push(
        this.section(
          pageId,
          `authorization-${index}`,
          this.authorizationTitle(t('Authorization {0}', index + 1), authorization),
          undefined,
          fields,
        ),
      );
    });
    items(prop(configuration, 'eligibleAuthorizations')).forEach((authorization, index) => {
      const path = [...base, 'eligibleAuthorizations', index];
      const policy = prop(authorization, 'justInTimeAccessPolicy');
      const policyPath = [...path, 'justInTimeAccessPolicy'];
      const fields = [
        ...this.authorizationFields(path, authorization),
        this.accessType(path, authorization, t('Eligible')),
        this.field({
          label: t('Maximum duration'),
          path: [...policyPath, 'maximumActivationDuration'],
          node: prop(policy, 'maximumActivationDuration'),
          kind: 'choice',
          choice: durationLabel,
        }),
        this.field({
          label: t('Multifactor authentication'),
          path: [...policyPath, 'multiFactorAuthProvider'],
          node: prop(policy, 'multiFactorAuthProvider'),
          kind: 'choice',
        }),
      ];
      items(prop(policy, 'managedByTenantApprovers')).forEach((approver, approverIndex) => {
        const approverPath = [...policyPath, 'managedByTenantApprovers', approverIndex];
        fields.push(
          this.field({
            label: t('Approver {0} principal ID', approverIndex + 1),
            path: [...approverPath, 'principalId'],
            node: prop(approver, 'principalId'),
            required: true,
          }),
          this.field({
            label: t('Approver {0} display name', approverIndex + 1),
            path: [...approverPath, 'principalIdDisplayName'],
            node: prop(approver, 'principalIdDisplayName'),
          }),
        );
      });
      sections.push(
        this.section(
          pageId,
          `eligible-${index}`,
          this.authorizationTitle(t('Eligible authorization {0}', index + 1), authorization),
          undefined,
          fields,
        ),
      );
    });
    return sections;
  }

  /** "Authorization 2: SOC Analysts" (the display name quoted as messages quote values). */
  private authorizationTitle(numbered: string, authorization: Node): string {
    const name = str(prop(authorization, 'principalIdDisplayName'));
    return name && name.trim() !== '' ? `${numbered}: ${quoteValue(name)}` : numbered;
  }

  private authorizationFields(path: JSONPath, authorization: Node): (HandoffField | undefined)[] {
    return [
      this.field({ label: t('Principal ID'), path: [...path, 'principalId'], node: prop(authorization, 'principalId'), required: true }),
      this.field({
        label: t('Display name'),
        path: [...path, 'principalIdDisplayName'],
        node: prop(authorization, 'principalIdDisplayName'),
        required: true,
      }),
      ...this.roleFields([...path, 'roleDefinitionId'], prop(authorization, 'roleDefinitionId'), t('Role'), t('Role ID')),
    ];
  }

  /** A role as Partner Center's list shows it (its name), then its ID to check the pick against. */
  private roleFields(path: JSONPath, node: Node | undefined, nameLabel: string, idLabel: string): (HandoffField | undefined)[] {
    const id = str(node);
    const role = id !== undefined ? this.catalog.findById(id.trim()) : undefined;
    return [
      this.field({
        label: nameLabel,
        path,
        node,
        kind: 'choice',
        required: true,
        variant: 'name',
        derivedValue: role?.roleName ?? '',
        notes: id !== undefined && !role ? [t('Not a built-in role: check the role ID.')] : undefined,
      }),
      this.field({ label: idLabel, path, node, required: true }),
    ];
  }

  private accessType(path: JSONPath, authorization: Node, access: string): HandoffField {
    return this.field({
      label: t('Access type'),
      path,
      node: authorization,
      kind: 'choice',
      required: true,
      variant: 'access',
      derivedValue: access,
    });
  }

  /** Inline subscription IDs, then the CSV to import. */
  private audienceFields(path: JSONPath, audience: Node | undefined): (HandoffField | undefined)[] {
    const fields = items(prop(audience, 'subscriptionIds')).map((id, index) =>
      this.field({ label: t('Azure subscription ID {0}', index + 1), path: [...path, 'subscriptionIds', index], node: id }),
    );
    const csv = prop(audience, 'csv');
    if (csv) {
      fields.push(this.field({ label: t('Audience CSV file to import'), path: [...path, 'csv'], node: csv, kind: 'file' }));
    }
    return fields;
  }

  // Building blocks.

  private page(id: string, title: string, plan: HandoffPage['plan'], sections: HandoffSection[]): HandoffPage {
    return { id, title, ...(plan ? { plan } : {}), sections: sections.filter((section) => section.fields.length > 0) };
  }

  private section(
    pageId: string,
    name: string,
    title: string,
    note: string | undefined,
    fields: (HandoffField | undefined)[],
  ): HandoffSection {
    return {
      id: `${pageId}/${name}`,
      title,
      ...(note ? { note } : {}),
      fields: fields.filter((field): field is HandoffField => field !== undefined),
    };
  }

  /** The field of a value; none for an optional value the offer does not have. */
  private field(spec: FieldSpec & { required: true }): HandoffField;
  private field(spec: FieldSpec): HandoffField | undefined;
  private field(spec: FieldSpec): HandoffField | undefined {
    if (spec.node === undefined && !spec.required) {
      return undefined;
    }
    const raw = spec.derivedValue ?? leafText(spec.node);
    const kind = spec.kind ?? 'text';
    const notes = [...(spec.notes ?? [])];
    let value = raw === '' && spec.derivedValue !== undefined ? undefined : raw;
    let source: string | undefined;
    let secret: true | undefined;
    if (value !== undefined && spec.choice) {
      const label = spec.choice(value);
      if (label !== undefined && label !== value) {
        source = value;
        value = label;
      }
    }
    const secrets = value !== undefined ? findSecrets(value) : [];
    if (value !== undefined && secrets.length > 0) {
      const names = [...new Set(secrets.map((found) => found.name))].join(', ');
      value = redactSecrets(value, secrets);
      secret = true;
      notes.push(t('This value holds a secret ({0}), hidden here: paste the real value from where you keep it.', names));
    } else if (value !== undefined && isEnvReference(value)) {
      notes.push(t('Paste the value of the environment variable {0}.', value.trim().slice('${env:'.length, -1)));
    }
    if (spec.node && leafText(spec.node) === undefined && spec.derivedValue === undefined) {
      notes.push(t('The offer has no text here: fix the offer first.'));
    }
    const file = kind === 'file' && value !== undefined && !secret ? this.fileState(value, spec.path, notes) : undefined;
    const id = this.uniqueId(this.stableId(spec.path) + (spec.variant ? `#${spec.variant}` : ''));
    return {
      id,
      tickId: `${id}@${hash(value ?? '')}`,
      label: spec.label,
      kind,
      ...(value !== undefined ? { value } : {}),
      ...(source !== undefined ? { source } : {}),
      pointer: toPointer(spec.path),
      ...(secret ? { secret } : {}),
      ...(file ? { file } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  /** Whether the file to upload is there (read through the offer's confined paths), with a CSV's count. */
  private fileState(relativePath: string, path: JSONPath, notes: string[]): HandoffField['file'] {
    if (!this.files) {
      return undefined;
    }
    const isCsv = path[path.length - 1] === 'csv';
    const lookup = isCsv ? this.files.audienceCsv(relativePath) : this.files.png(relativePath);
    switch (lookup.status) {
      case 'ok':
        if (isCsv && Array.isArray(lookup.result)) {
          notes.push(lookup.result.length === 1 ? t('1 subscription ID') : t('{0} subscription IDs', lookup.result.length));
        }
        return { status: 'ok', absolutePath: lookup.absolutePath };
      case 'outside':
        notes.push(t('The path leads outside the workspace: the file was not read.'));
        return { status: 'outside' };
      case 'not-found':
        notes.push(t('The file does not exist.'));
        return { status: 'not-found', absolutePath: lookup.absolutePath };
      default:
        notes.push(t('The file cannot be read.'));
        return { status: 'unreadable', absolutePath: lookup.absolutePath };
    }
  }

  /** The path as a pointer, a plan's index replaced by its key so that reordering plans keeps ids. */
  private stableId(path: JSONPath): string {
    if (path[0] === 'plans' && typeof path[1] === 'number') {
      return '/plans/' + this.planKeys[path[1]] + toPointer(path.slice(2));
    }
    return toPointer(path);
  }

  /**
   * The id, or `id~2`, `id~3`… when taken. The set is still asked: a pointer can end in `~1` then
   * digits (the key `a/0` is `/a~10`), so a suffixed id may already be another field's. Each taken
   * id is stepped over at most once (it names one base and one suffix), so the whole sheet stays linear.
   */
  private uniqueId(id: string): string {
    let unique = id;
    let n = this.nextSuffix.get(id) ?? 2;
    while (this.ids.has(unique)) {
      unique = `${id}~${n}`;
      n++;
    }
    this.nextSuffix.set(id, n);
    this.ids.add(unique);
    return unique;
  }
}

/** Each plan's key in ids: its plan ID when that is unique and plain, else `#<index>`. */
function planKeys(plans: readonly PlanRef[]): string[] {
  const counts = new Map<string, number>();
  for (const plan of plans) {
    if (plan.planId !== undefined) {
      counts.set(plan.planId, (counts.get(plan.planId) ?? 0) + 1);
    }
  }
  return plans.map((plan) =>
    plan.planId && counts.get(plan.planId) === 1 && /^[A-Za-z0-9_.-]+$/.test(plan.planId) ? plan.planId : `#${plan.index}`,
  );
}

/** The text of a leaf: a string as written, a number or boolean as JSON writes it; nothing for the rest. */
function leafText(node: Node | undefined): string | undefined {
  if (node?.type === 'string') {
    return node.value as string;
  }
  if (node?.type === 'number' || node?.type === 'boolean') {
    return String(node.value);
  }
  return undefined;
}

/** FNV-1a over the UTF-16 units, as 8 hex digits: short, stable, linear. Not for security. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
