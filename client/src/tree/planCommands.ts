/**
 * The plans tree's commands: add a plan, add an authorization (role by name, then principal and
 * display name), remove a plan or authorization, refresh. Edits are computed on the document's
 * current text (`offerEdits.ts`) and applied as a WorkspaceEdit, so undo works and nothing the
 * user typed is lost.
 */
import * as vscode from 'vscode';
import type { EditResult } from 'jsonc-parser';
import { READER_ROLE_ID, CONTRIBUTOR_ROLE_ID, DELETE_ROLE_ID, RoleCatalog, RoleDefinition, USER_ACCESS_ADMINISTRATOR_ROLE_ID } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { plansOf } from '@core/model/offerStructure';
import { isOfferDocument, OfferWorkspace } from '../offerWorkspace';
import {
  addAuthorizationEdits,
  addPlanEdits,
  removeEdits,
  suggestPlanId,
  validateDisplayName,
  validateNewPlanId,
  validatePrincipalId,
} from '../../../server/src/features/offerEdits';
import { buildOfferTree, flattenTree } from '../../../server/src/features/planTree';
import type { PlanTreeNode, PlanTreeProvider } from './planTreeProvider';

/** Roles most offers need, listed first in the role picker. */
const COMMON_ROLE_IDS = [READER_ROLE_ID, CONTRIBUTOR_ROLE_ID, DELETE_ROLE_ID, USER_ACCESS_ADMINISTRATOR_ROLE_ID];

export function registerPlanCommands(offers: OfferWorkspace, tree: PlanTreeProvider, catalog: () => RoleCatalog): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('marketplaceOffer.plans.refresh', () => tree.refresh(true)),
    vscode.commands.registerCommand('marketplaceOffer.plans.addPlan', (node?: PlanTreeNode) => addPlan(offers, node)),
    vscode.commands.registerCommand('marketplaceOffer.plans.addAuthorization', (node?: PlanTreeNode) =>
      addAuthorization(offers, catalog(), node),
    ),
    vscode.commands.registerCommand('marketplaceOffer.plans.remove', (node?: PlanTreeNode) => remove(offers, catalog(), node)),
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

async function addPlan(offers: OfferWorkspace, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  if (!document) {
    return;
  }
  const suggestion = suggestPlanId(offers.parse(document));
  const planId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Plan'),
    prompt: vscode.l10n.t('Plan ID: lowercase letters, digits, "-" and "_". It cannot change after publishing.'),
    value: suggestion,
    valueSelection: [0, suggestion.length],
    validateInput: (value) => validateNewPlanId(value, offers.parse(document)),
  });
  if (planId === undefined) {
    return;
  }
  // Validate again on the text as it is now: it may have changed while the box was open.
  const current = offers.parse(document);
  const problem = validateNewPlanId(planId, current);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return;
  }
  if (await applyOfferEdits(document, current, addPlanEdits(current, planId))) {
    const plans = plansOf(offers.parse(document).root);
    await reveal(document, plans[plans.length - 1]?.node);
  } else {
    void vscode.window.showErrorMessage(vscode.l10n.t('The plan could not be added: "plans" is not a list in this offer.'));
  }
}

async function addAuthorization(offers: OfferWorkspace, catalog: RoleCatalog, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  if (!document) {
    return;
  }
  const planIndex = node?.model.planIndex ?? (await pickPlan(offers.parse(document)));
  if (planIndex === undefined) {
    return;
  }
  const role = await pickRole(catalog);
  if (!role) {
    return;
  }
  let delegated: string[] | undefined;
  if (role.id.toLowerCase() === USER_ACCESS_ADMINISTRATOR_ROLE_ID) {
    delegated = await pickDelegatedRoles(catalog);
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
  const current = offers.parse(document);
  const edits = addAuthorizationEdits(current, planIndex, {
    principalId,
    principalIdDisplayName: displayName,
    roleDefinitionId: role.id,
    delegatedRoleDefinitionIds: delegated,
  });
  if (!(await applyOfferEdits(document, current, edits))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The authorization could not be added: plan {0} or its technical configuration is not an object in this offer.', planIndex + 1),
    );
  }
}

async function pickPlan(document: OfferDocument): Promise<number | undefined> {
  const plans = plansOf(document.root);
  if (plans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The offer has no plan yet: add a plan first.'));
    return undefined;
  }
  if (plans.length === 1) {
    return 0;
  }
  const picked = await vscode.window.showQuickPick(
    plans.map((plan) => ({ label: plan.planId ?? vscode.l10n.t('Plan {0}', plan.index + 1), index: plan.index })),
    { title: vscode.l10n.t('Add Authorization'), placeHolder: vscode.l10n.t('Which plan?') },
  );
  return picked?.index;
}

interface RoleItem extends vscode.QuickPickItem {
  role?: RoleDefinition;
}

/** Roles that Azure Lighthouse accepts, by name; the common ones first. */
async function pickRole(catalog: RoleCatalog): Promise<RoleDefinition | undefined> {
  const supported = catalog.supportedRoles();
  const toItem = (role: RoleDefinition): RoleItem => ({ label: role.roleName, description: role.category, detail: role.description, role });
  const common = COMMON_ROLE_IDS.map((id) => catalog.findById(id)).filter((role): role is RoleDefinition => role !== undefined);
  const items: RoleItem[] = [
    { label: vscode.l10n.t('Common'), kind: vscode.QuickPickItemKind.Separator },
    ...common.map(toItem),
    { label: vscode.l10n.t('All roles Azure Lighthouse supports'), kind: vscode.QuickPickItemKind.Separator },
    ...supported.filter((role) => !common.includes(role)).map(toItem),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Add Authorization'),
    placeHolder: vscode.l10n.t('Role to delegate (Owner and roles with DataActions are not supported)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.role;
}

async function pickDelegatedRoles(catalog: RoleCatalog): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    catalog.assignableRoles().map((role) => ({ label: role.roleName, description: role.category, id: role.id })),
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

async function remove(offers: OfferWorkspace, catalog: RoleCatalog, node: PlanTreeNode | undefined): Promise<void> {
  if (!node || !['plan', 'authorization', 'eligibleAuthorization'].includes(node.model.kind)) {
    return;
  }
  const document = await vscode.workspace.openTextDocument(node.uri);
  const current = offers.parse(document);
  // The node was drawn from an earlier text: act only if the same node is still at its place.
  const still = flattenTree(buildOfferTree(current, [], { catalog })).find((candidate) => candidate.id === node.model.id);
  if (!still || still.label !== node.model.label) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The offer changed since the tree was drawn; nothing was removed. Try again.'));
    return;
  }
  const question =
    node.model.kind === 'plan'
      ? vscode.l10n.t('Remove plan "{0}" and its authorizations from the offer?', node.model.label)
      : vscode.l10n.t('Remove the authorization "{0}"?', node.model.label);
  const confirm = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    question,
    { modal: true, detail: vscode.l10n.t('You can undo this in the editor.') },
    confirm,
  );
  if (answer !== confirm) {
    return;
  }
  const latest = offers.parse(document);
  if (latest.version !== current.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The offer changed since the tree was drawn; nothing was removed. Try again.'));
    return;
  }
  await applyOfferEdits(document, latest, removeEdits(latest, node.model.pointer));
}

/**
 * Applies edits computed on `basis` — only if the document still has that text — and shows the
 * document. Returns false when there was nothing to apply.
 */
export async function applyOfferEdits(document: vscode.TextDocument, basis: OfferDocument, edits: EditResult): Promise<boolean> {
  if (edits.length === 0) {
    return false;
  }
  if (document.version !== basis.version || document.getText() !== basis.getText()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The offer changed while the command ran; nothing was changed. Try again.'));
    return true;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(
      document.uri,
      new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length)),
      edit.content,
    );
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('VS Code refused the edit to {0}.', vscode.workspace.asRelativePath(document.uri)));
  }
  return true;
}

/** Shows the document with the cursor at the start of a node (the plan just added). */
export async function reveal(document: vscode.TextDocument, node: { offset: number; length: number } | undefined) {
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  if (node) {
    const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
