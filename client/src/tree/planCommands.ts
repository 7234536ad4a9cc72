/**
 * The plans tree's commands: add a plan, add an authorization (role by name, then principal and
 * display name), remove a plan or authorization, refresh. The server computes the edits on its
 * text of the offer (`OfferEditRequest`) and refuses a version other than the editor's; they are
 * applied here as a WorkspaceEdit, so undo works and nothing the user typed is lost.
 */
import * as vscode from 'vscode';
import {
  CheckPlanIdRequest,
  OfferEdit,
  OfferEditRequest,
  OfferPlans,
  PlansRequest,
  RoleChoice,
  RoleChoicesRequest,
} from '@core/protocol';
import { type OfferServer, showOfferNotReadYet, showServerNotRunning } from '../offerServer';
import { isOfferDocument, isSyncedOffer, OfferWorkspace } from '../offerWorkspace';
import { validateDisplayName, validatePrincipalId } from './authorizationInput';
import type { PlanTreeNode, PlanTreeProvider } from './planTreeProvider';
import { localRoleName, roleCategoryName } from '@core/text/roleNames';

export function registerPlanCommands(offers: OfferWorkspace, tree: PlanTreeProvider, server: OfferServer): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('marketplaceOffer.plans.refresh', () => tree.refresh(true)),
    vscode.commands.registerCommand('marketplaceOffer.plans.addPlan', (node?: PlanTreeNode) => addPlan(offers, server, node)),
    vscode.commands.registerCommand('marketplaceOffer.plans.addAuthorization', (node?: PlanTreeNode) => addAuthorization(offers, server, node)),
    vscode.commands.registerCommand('marketplaceOffer.plans.remove', (node?: PlanTreeNode) => remove(server, node)),
  ];
}

/** The offer a command acts on: the tree node's, else the active editor's. */
export async function targetDocument(offers: OfferWorkspace, node: PlanTreeNode | undefined): Promise<vscode.TextDocument | undefined> {
  if (node) {
    return vscode.workspace.openTextDocument(node.uri);
  }
  const active = offers.activeOfferDocument();
  if (!active) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an offer (offer.json or *.offer.json) first.'));
  }
  return active && isOfferDocument(active) ? active : undefined;
}

/**
 * The offer's plans as the server has them now, of `atLeastVersion` or later when given (it may
 * need a moment after the editor opened or changed the offer).
 */
export async function plansOf(server: OfferServer, document: vscode.TextDocument, atLeastVersion = 0): Promise<OfferPlans | undefined> {
  const plans = await server.requestCaughtUp(
    PlansRequest,
    { uri: document.uri.toString() },
    (plans) => plans === null || plans.version < atLeastVersion,
    () => isSyncedOffer(document.uri),
  );
  if (!plans) {
    showOfferNotReadYet();
  }
  return plans ?? undefined;
}

/**
 * Asks for the ID of a new plan (the server suggests one and checks each as it is typed), then
 * adds the plan, with `technicalConfiguration` if given, and shows it.
 */
export async function addNewPlan(
  server: OfferServer,
  document: vscode.TextDocument,
  ask: { title: string; prompt: string },
  technicalConfiguration?: object,
): Promise<void> {
  const plans = await plansOf(server, document);
  if (!plans) {
    return;
  }
  const suggestion = plans.suggestedPlanId;
  const planId = await vscode.window.showInputBox({
    ...ask,
    value: suggestion,
    valueSelection: [0, suggestion.length],
    validateInput: async (planId) => {
      const answer = await server.request(CheckPlanIdRequest, { uri: document.uri.toString(), planId });
      return answer?.problem ?? undefined;
    },
  });
  if (planId !== undefined) {
    await addPlanTo(server, document, planId, technicalConfiguration);
  }
}

/** Adds a plan (with an imported technical configuration, if given) and shows it. */
async function addPlanTo(server: OfferServer, document: vscode.TextDocument, planId: string, technicalConfiguration?: object): Promise<void> {
  if (await applyServerEdit(server, document, { kind: 'addPlan', planId, technicalConfiguration })) {
    // Where the new plan is, once the server has the edited text.
    const plans = await plansOf(server, document, document.version);
    const added = plans?.plans.find((plan) => plan.planId === planId);
    await reveal(document, added?.range);
  }
}

async function addPlan(offers: OfferWorkspace, server: OfferServer, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  if (!document) {
    return;
  }
  await addNewPlan(server, document, {
    title: vscode.l10n.t('Add Plan'),
    prompt: vscode.l10n.t('Plan ID: lowercase letters, digits, "-" and "_". It is fixed once the plan is created in Partner Center.'),
  });
}

async function addAuthorization(offers: OfferWorkspace, server: OfferServer, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  if (!document) {
    return;
  }
  const planIndex = node?.model.planIndex ?? (await pickPlan(server, document));
  if (planIndex === undefined) {
    return;
  }
  const roles = await server.request(RoleChoicesRequest, {});
  if (!roles) {
    showServerNotRunning();
    return;
  }
  const role = await pickRole(roles.common, roles.supported);
  if (!role) {
    return;
  }
  let delegated: string[] | undefined;
  if (role.assignsRoles) {
    delegated = await pickDelegatedRoles(roles.assignable);
    if (!delegated) {
      return;
    }
  }
  const principalId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Authorization ({0})', role.roleName),
    prompt: vscode.l10n.t('Principal ID: the object ID of a user, group or service principal in your managing tenant.'),
    placeHolder: '00000000-0000-0000-0000-000000000000',
    ignoreFocusOut: true,
    validateInput: validatePrincipalId,
  });
  if (principalId === undefined) {
    return;
  }
  const displayName = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Authorization ({0})', role.roleName),
    prompt: vscode.l10n.t('Display name: what customers see for this principal, for example "Tier 2 Operators".'),
    ignoreFocusOut: true,
    validateInput: validateDisplayName,
  });
  if (displayName === undefined) {
    return;
  }
  await applyServerEdit(server, document, {
    kind: 'addAuthorization',
    planIndex,
    authorization: { principalId, principalIdDisplayName: displayName, roleDefinitionId: role.id, delegatedRoleDefinitionIds: delegated },
  });
}

async function pickPlan(server: OfferServer, document: vscode.TextDocument): Promise<number | undefined> {
  const plans = (await plansOf(server, document))?.plans;
  if (!plans) {
    return undefined;
  }
  if (plans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The offer has no plan yet: add a plan first.'));
    return undefined;
  }
  if (plans.length === 1) {
    return plans[0].index;
  }
  const picked = await vscode.window.showQuickPick(
    plans.map((plan) => ({ label: plan.label, index: plan.index })),
    { title: vscode.l10n.t('Add Authorization'), placeHolder: vscode.l10n.t('Which plan?') },
  );
  return picked?.index;
}

/** A picker's line under a role: the Korean portal's name beside the English one (the identifier hovers and messages use), and its category. */
function roleDescription(role: RoleChoice): string | undefined {
  const local = localRoleName(role.roleName);
  const category = role.category === undefined ? undefined : roleCategoryName(role.category);
  return [local, category].filter((part) => part !== undefined).join(' · ') || undefined;
}

interface RoleItem extends vscode.QuickPickItem {
  role?: RoleChoice;
}

/** Roles that Azure Lighthouse accepts, by name; the common ones first. */
async function pickRole(common: readonly RoleChoice[], others: readonly RoleChoice[]): Promise<RoleChoice | undefined> {
  const toItem = (role: RoleChoice): RoleItem => ({ label: role.roleName, description: roleDescription(role), detail: role.description, role });
  const items: RoleItem[] = [
    { label: vscode.l10n.t('Common'), kind: vscode.QuickPickItemKind.Separator },
    ...common.map(toItem),
    { label: vscode.l10n.t('All roles Azure Lighthouse supports'), kind: vscode.QuickPickItemKind.Separator },
    ...others.map(toItem),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Add Authorization'),
    placeHolder: vscode.l10n.t('Role to delegate (Owner and roles with DataActions are not supported)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.role;
}

async function pickDelegatedRoles(assignable: readonly RoleChoice[]): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    assignable.map((role) => ({ label: role.roleName, description: roleDescription(role), id: role.id })),
    {
      title: vscode.l10n.t('User Access Administrator'),
      placeHolder: vscode.l10n.t('Roles this principal may assign to managed identities (at least one)'),
      canPickMany: true,
      matchOnDescription: true,
    },
  );
  if (!picked) {
    return undefined;
  }
  if (picked.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('User Access Administrator needs at least one role it may assign.'));
    return undefined;
  }
  return picked.map((item) => item.id);
}

async function remove(server: OfferServer, node: PlanTreeNode | undefined): Promise<void> {
  if (!node || !['plan', 'authorization', 'eligibleAuthorization'].includes(node.model.kind)) {
    return;
  }
  const document = await vscode.workspace.openTextDocument(node.uri);
  const question =
    node.model.kind === 'plan'
      ? vscode.l10n.t('Remove plan "{0}" and its authorizations from the offer?', node.model.label)
      : vscode.l10n.t('Remove the authorization "{0}"?', node.model.label);
  const confirm = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(question, { modal: true, detail: vscode.l10n.t('You can undo this in the editor.') }, confirm);
  if (answer !== confirm) {
    return;
  }
  // The server removes the node only if the same node (kind and label) is still at its place.
  await applyServerEdit(
    server,
    document,
    { kind: 'remove', pointer: node.model.pointer, nodeKind: node.model.kind, label: node.model.label },
    vscode.l10n.t('The offer changed since the tree was drawn; nothing was removed. Try again.'),
  );
}

/**
 * Asks the server for an edit of the document's current version and applies it, only if the
 * document still has that version. Returns whether the edit was applied; says why when not.
 */
export async function applyServerEdit(server: OfferServer, document: vscode.TextDocument, edit: OfferEdit, staleMessage?: string): Promise<boolean> {
  const version = document.version;
  const result = await server.requestCaughtUp(
    OfferEditRequest,
    { uri: document.uri.toString(), version, edit },
    (result) => result.outcome === 'stale',
    () => document.version === version,
  );
  if (!result) {
    showServerNotRunning();
    return false;
  }
  if (result.outcome === 'refused') {
    void vscode.window.showErrorMessage(result.message);
    return false;
  }
  if (result.outcome === 'stale' || document.version !== result.version) {
    void vscode.window.showWarningMessage(staleMessage ?? vscode.l10n.t('The offer changed while the command ran; nothing was changed. Try again.'));
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const { range, newText } of result.edits) {
    workspaceEdit.replace(document.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('VS Code refused the edit to {0}.', vscode.workspace.asRelativePath(document.uri)));
    return false;
  }
  return true;
}

/** Shows the document with the cursor at the start of a range (the plan just added). */
async function reveal(document: vscode.TextDocument, range: { start: { line: number; character: number } } | undefined) {
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  if (range) {
    const start = new vscode.Position(range.start.line, range.start.character);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
