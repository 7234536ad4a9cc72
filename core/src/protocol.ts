/**
 * The custom LSP requests between the extension and the offer language server. The server owns
 * every answer about an offer (its parse, diagnostics, readiness, the plans tree's data, the
 * preview's data, edits, Lighthouse templates); the extension only shows them and applies edits.
 * Both sides import this file, and nothing else of each other.
 *
 * Every answer about a document names the version it was computed from (`null` for an offer read
 * from disk because no editor has it open), so that the extension can tell a stale answer.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';

/** A request's method name, with its parameters' and result's types attached for both sides. */
export interface OfferRequestType<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

function request<P, R>(method: string): OfferRequestType<P, R> {
  return { method };
}

/** Which offer a request is about. */
export interface OfferParams {
  /** The document's URI, as the editor and the server name it. */
  uri: string;
}

// ---- Publish readiness (status bar, tree, preview) ----

export type SectionState = 'notStarted' | 'incomplete' | 'complete';

/** A section of Partner Center's "Review and publish" page. */
export interface PublishSection {
  /** Stable id: `offerSetup`, `properties`, `listing`, `previewAudience`, `plans`, `plan:<index>`. */
  id: string;
  title: string;
  state: SectionState;
  /** "Not started", "Incomplete" or "Complete", in the server's language. */
  stateLabel: string;
  /** Errors inside the section: they block submission. */
  blockingProblems: number;
  /** Where the section starts in the offer, to reveal it (the first of its properties present). */
  pointer: string;
}

export interface PublishStatus {
  sections: PublishSection[];
  /** Every error of the file, including those outside any section (a syntax error…). */
  blockingProblems: number;
  incompleteSections: number;
  notStartedSections: number;
  /** Partner Center accepts a submission only when every section is Complete. */
  ready: boolean;
  /** The status bar's line: "Offer: 3 errors — 2 sections incomplete", or "Offer: ready to publish". */
  summary: string;
}

export interface OfferReadiness {
  uri: string;
  version: number | null;
  status: PublishStatus;
}

/** The readiness of an offer open in an editor; null when the server does not have it open. */
export const ReadinessRequest = request<OfferParams, OfferReadiness | null>('marketplaceOffer/readiness');

// ---- The plans tree ----

export type TreeNodeKind = 'offer' | 'readiness' | 'section' | 'plan' | 'authorization' | 'eligibleAuthorization' | 'message';

/** The problems at a node and below it (their first messages are in the node's tooltip). */
export interface ProblemCount {
  errors: number;
  warnings: number;
  infos: number;
}

export interface TreeNodeModel {
  kind: TreeNodeKind;
  /** Unique in its offer, and stable across edits that don't move the node: kind and JSON pointer. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id (`lock`, `globe`, `person`…); the extension shows `error`/`warning` over it. */
  icon: string;
  /** JSON pointer of the node's value in the offer (what remove and add-authorization act on). */
  pointer: string;
  /** What clicking selects in the editor; absent when there is nothing to select. */
  range?: Range;
  problems: ProblemCount;
  children: TreeNodeModel[];
  /** The plan's index for plan and authorization nodes. */
  planIndex?: number;
}

export interface OfferTree {
  uri: string;
  version: number | null;
  root: TreeNodeModel;
}

/**
 * The plans tree of one offer: of the editor's text when it is open, else of the file on disk
 * (read by the server inside the workspace, within a size limit). Null when it cannot be read.
 */
export const PlanTreeRequest = request<OfferParams, OfferTree | null>('marketplaceOffer/planTree');

// ---- The listing preview ----

/** What the server found at an image path of the offer; the extension maps `ok` to a webview URI. */
export type ImageLookup = { status: 'ok'; absolutePath: string } | { status: 'not-found' | 'outside' | 'not-png' | 'unreadable' };

export interface ListingPreviewData {
  uri: string;
  version: number | null;
  /** False when the text cannot be read as JSON at all. */
  readable: boolean;
  /**
   * The parts of the offer the listing shows, as plain data: `listing`, `properties` and, of each
   * plan, `planId`, `name`, `visibility` and `listing` (a value that is not an object as it is).
   */
  offer: unknown;
  status: PublishStatus;
  /** Every image path of the listing (as written) → what was found there. */
  images: Record<string, ImageLookup>;
}

export const PreviewRequest = request<OfferParams, ListingPreviewData | null>('marketplaceOffer/preview');

// ---- The Partner Center hand-off ----

/**
 * The hand-off sheet: every page of Partner Center that a managed service offer fills in, in
 * Partner Center's order, each field with the exact value to type, pick or upload. The server
 * builds it (`server/src/features/handoff`); `offer-lint handoff` prints it, the editor's hand-off
 * view shows it with a copy button per value and a tick per field.
 */
export interface HandoffSheet {
  /** The offer's name: its listing name, else its alias, its offer ID, or "Untitled offer" (quoted as messages quote values). */
  title: string;
  pages: HandoffPage[];
}

export interface HandoffPage {
  /**
   * Stable: `offerSetup`, `properties`, `listing`, `previewAudience`, `review`, and per plan
   * `plan:<key>/listing`, `plan:<key>/availability`, `plan:<key>/technicalConfiguration`, where
   * `<key>` is the plan ID (or `#<index>` for a plan without a unique one).
   */
  id: string;
  /** Partner Center's name of the page ("Offer setup", "Plan listing"…). */
  title: string;
  /** For a plan's pages: the plan. */
  plan?: { index: number; planId?: string; title: string };
  sections: HandoffSection[];
}

export interface HandoffSection {
  /** Unique in the sheet: its page's id and a name. */
  id: string;
  title: string;
  /** Where the section is in Partner Center or what to do first, when the page alone doesn't say. */
  note?: string;
  fields: HandoffField[];
}

/** `text`: type it; `multiline`: paste it into a text area; `choice`: pick it from a list; `file`: upload it. */
export type HandoffFieldKind = 'text' | 'multiline' | 'choice' | 'file';

export interface HandoffField {
  /**
   * Unique in the sheet and stable across edits elsewhere in the offer: the value's JSON pointer
   * with the plan's key in place of its index (`/plans/gold/technicalConfiguration/tenantId`), and
   * `#…` for a second field on the same value (`…/roleDefinitionId#name`).
   */
  id: string;
  /**
   * `id` and a hash of the value: a "done" tick kept under it lapses by itself when the value
   * changes, and survives edits to anything else.
   */
  tickId: string;
  label: string;
  kind: HandoffFieldKind;
  /**
   * Exactly what to type, paste or pick; for a file, its path relative to the offer. Absent when
   * the offer has no value there yet (a required field still to write).
   */
  value?: string;
  /** For a choice, the offer's own value when Partner Center names it differently (`private` → Private). */
  source?: string;
  /** The JSON pointer of the value in the offer (where to reveal it), or of its object for a derived field. */
  pointer: string;
  /** The value holds a secret, hidden in `value`: paste the real one from where it is kept. */
  secret?: true;
  /** For a file: its state on disk, when the sheet was made with the offer's files. */
  file?: { status: 'ok' | 'not-found' | 'outside' | 'unreadable'; absolutePath?: string };
  /** What to keep in mind: the secret to paste, the environment variable, a file missing, a count. */
  notes?: string[];
}

export interface OfferHandoff {
  uri: string;
  version: number;
  sheet: HandoffSheet;
}

/** The hand-off sheet of an offer open in an editor (its files looked up); null when the server does not have it open. */
export const HandoffRequest = request<OfferParams, OfferHandoff | null>('marketplaceOffer/handoff');

// ---- Plans and roles for the commands' pickers ----

export interface PlanChoice {
  index: number;
  planId?: string;
  /** The plan id, or "Plan 2" when it has none. */
  label: string;
  range: Range;
}

export interface OfferPlans {
  uri: string;
  version: number;
  plans: PlanChoice[];
  /** A free plan id to propose: `plan-2`, `plan-3`… */
  suggestedPlanId: string;
}

export const PlansRequest = request<OfferParams, OfferPlans | null>('marketplaceOffer/plans');

export interface CheckPlanIdParams extends OfferParams {
  planId: string;
}

/** Why a plan id typed for a new plan cannot be used; `problem` is null when it can. */
export const CheckPlanIdRequest = request<CheckPlanIdParams, { problem: string | null }>('marketplaceOffer/checkPlanId');

export interface RoleChoice {
  id: string;
  roleName: string;
  category?: string;
  description?: string;
  /** User Access Administrator: the authorization must also name the roles it may assign. */
  assignsRoles: boolean;
}

export interface RoleChoices {
  /** Roles most offers need, shown first. */
  common: RoleChoice[];
  /** Every role Azure Lighthouse accepts in an authorization, in the order completion lists them (rolePolicy's roleChoices). */
  supported: RoleChoice[];
  /** The roles User Access Administrator may assign. */
  assignable: RoleChoice[];
}

/** The roles of the catalog the server uses (the shipped one, or the user's `roleCatalogPath`). */
export const RoleChoicesRequest = request<Record<string, never>, RoleChoices>('marketplaceOffer/roleChoices');

// ---- Edits from the tree's commands ----

export interface NewAuthorization {
  principalId: string;
  principalIdDisplayName: string;
  roleDefinitionId: string;
  /** Only for User Access Administrator: the roles it may assign. */
  delegatedRoleDefinitionIds?: string[];
}

export type OfferEdit =
  /** A private BYOL plan, or the given technical configuration (an imported template's). */
  | { kind: 'addPlan'; planId: string; technicalConfiguration?: object }
  | { kind: 'addAuthorization'; planIndex: number; authorization: NewAuthorization }
  /** Removes a plan or an authorization, if the node at `pointer` still has this `kind` and `label`. */
  | { kind: 'remove'; pointer: string; nodeKind: TreeNodeKind; label: string };

export interface OfferEditParams extends OfferParams {
  /** The editor's version the edit is for: the server refuses another one. */
  version: number;
  edit: OfferEdit;
}

export type OfferEditResult =
  | { outcome: 'edits'; version: number; edits: TextEdit[] }
  /** The server has another version of the text (or does not have it open): nothing was computed. */
  | { outcome: 'stale' }
  /** The edit does not fit the offer (a plan id taken, `plans` not a list…): `message` says why. */
  | { outcome: 'refused'; message: string };

/** Text edits for the tree's commands, computed on the server's text, comments and layout kept. */
export const OfferEditRequest = request<OfferEditParams, OfferEditResult>('marketplaceOffer/edit');

// ---- Azure Lighthouse templates ----

export type DelegationScope = 'subscription' | 'resourceGroup';

export interface ExportPlanParams extends OfferParams {
  version: number;
  planId: string;
  scope: DelegationScope;
}

export type ExportPlanResult =
  /** The two files to write (`<planId>.template.json`, `<planId>.parameters.json`), names already checked. */
  | { outcome: 'exported'; files: { name: string; contents: string }[] }
  | { outcome: 'refused'; message: string; problems: { code: string; message: string }[] }
  | { outcome: 'stale' };

/** A plan as an onboarding template and parameters file; refused while its configuration has errors. */
export const ExportPlanRequest = request<ExportPlanParams, ExportPlanResult>('marketplaceOffer/exportPlan');

export interface TemplateFile {
  /** The absolute path of the file the user chose: the server reads it (bounded, a regular file only). */
  path: string;
  /** How messages name it (a workspace-relative path). */
  name: string;
}

export interface ImportTemplateParams {
  template: TemplateFile;
  parameters?: TemplateFile;
}

export type ImportTemplateResult = { outcome: 'imported'; technicalConfiguration: object } | { outcome: 'refused'; message: string };

/** The technical configuration an onboarding template (and its parameters) describes. */
export const ImportTemplateRequest = request<ImportTemplateParams, ImportTemplateResult>('marketplaceOffer/importTemplate');

// ---- Starting the server ----

/**
 * How the language server's Node process is started, by the extension and by the tests and the
 * benchmark that stand in for it.
 *
 * A larger young generation: opening an offer builds its whole tree and a check allocates some
 * 10 MB on a 750 KiB offer; with Node's default 16 MB semi-space the tree was copied by a
 * scavenge or two before it settled, and a third of an opening went to the garbage collector.
 * With 32 MB, opening the benchmark's offer over LSP went from 1.00–1.11× the JSON language
 * server's time to 0.87–0.88× (same runs, quiet machine), for at most 32 MB more memory.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];
