/**
 * Azure Lighthouse onboarding templates in the editor: export a plan (to deploy in a test tenant
 * before publishing) and import a template as a new plan. The conversion itself is the pure code
 * of `server/src/arm/`, the same as the command-line checker's `export-arm` / `import-arm`.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportPlan } from '../../../server/src/arm/exportPlan';
import { importTemplate, parseArmJson, TemplateImportError } from '../../../server/src/arm/importTemplate';
import type { DelegationScope } from '../../../server/src/arm/lighthouseTemplate';
import { OfferLanguageService } from '../../../server/src/languageService';
import { plansOf } from '@core/model/offerStructure';
import { OfferWorkspace } from '../offerWorkspace';
import { addPlanEdits, suggestPlanId, validateNewPlanId } from '../../../server/src/features/offerEdits';
import { applyOfferEdits, reveal, targetDocument } from '../tree/planCommands';
import type { PlanTreeNode } from '../tree/planTreeProvider';

export function registerArmCommands(offers: OfferWorkspace): vscode.Disposable[] {
  // Checks the offer in the client as the server does, so export refuses exactly what the Problems panel shows.
  const service = new OfferLanguageService();
  return [
    vscode.commands.registerCommand('marketplaceOffer.exportArm', (node?: PlanTreeNode) => exportArm(offers, service, node)),
    vscode.commands.registerCommand('marketplaceOffer.importArm', () => importArm(offers)),
  ];
}

async function exportArm(offers: OfferWorkspace, service: OfferLanguageService, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  if (!document) {
    return;
  }
  const parsed = offers.parse(document);
  const plans = plansOf(parsed.root).filter((plan) => plan.planId);
  if (plans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The offer has no plan with a planId to export.'));
    return;
  }
  const planId =
    (node?.model.planIndex !== undefined ? plansOf(parsed.root)[node.model.planIndex]?.planId : undefined) ??
    (plans.length === 1
      ? plans[0].planId
      : (await vscode.window.showQuickPick(plans.map((plan) => ({ label: plan.planId! })), { title: vscode.l10n.t('Export Plan'), placeHolder: vscode.l10n.t('Which plan?') }))?.label);
  if (!planId) {
    return;
  }
  const scopes: (vscode.QuickPickItem & { scope: DelegationScope })[] = [
    { label: vscode.l10n.t('Subscription'), description: vscode.l10n.t('Delegate a whole subscription'), scope: 'subscription' },
    { label: vscode.l10n.t('Resource group'), description: vscode.l10n.t('Delegate one resource group (rgName is asked at deployment)'), scope: 'resourceGroup' },
  ];
  const scope = await vscode.window.showQuickPick(scopes, { title: vscode.l10n.t('Export Plan'), placeHolder: vscode.l10n.t('What will the customer delegate?') });
  if (!scope) {
    return;
  }

  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const location =
    document.uri.scheme === 'file' ? { offerPath: document.uri.fsPath, workspaceRoot: folder?.uri.fsPath ?? path.dirname(document.uri.fsPath) } : undefined;
  const snapshot = TextDocument.create(document.uri.toString(), document.languageId, document.version, document.getText());
  const diagnostics = service.validate(snapshot, location);
  const result = exportPlan(service.parse(snapshot), diagnostics, planId, scope.scope);
  if (!result.ok) {
    const details = result.problems.slice(0, 5).map((problem) => `${problem.code}: ${problem.message}`).join('\n');
    void vscode.window.showErrorMessage(result.message, { modal: true, detail: details });
    return;
  }

  const defaultFolder = document.uri.scheme === 'file' ? vscode.Uri.file(path.join(path.dirname(document.uri.fsPath), 'onboarding')) : folder?.uri;
  const target = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Folder for {0}.template.json and {0}.parameters.json', planId),
    defaultUri: defaultFolder,
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Export Here'),
  });
  if (!target?.[0]) {
    return;
  }
  const templateUri = vscode.Uri.joinPath(target[0], `${planId}.template.json`);
  const parametersUri = vscode.Uri.joinPath(target[0], `${planId}.parameters.json`);
  if ((await exists(templateUri)) || (await exists(parametersUri))) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0}.template.json or {0}.parameters.json already exists in that folder. Replace them?', planId),
      { modal: true },
      replace,
    );
    if (answer !== replace) {
      return;
    }
  }
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(templateUri, encoder.encode(JSON.stringify(result.exported.template, null, 2) + '\n'));
  await vscode.workspace.fs.writeFile(parametersUri, encoder.encode(JSON.stringify(result.exported.parameters, null, 2) + '\n'));
  const open = vscode.l10n.t('Open Template');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported plan {0} as {1}.', planId, vscode.workspace.asRelativePath(templateUri)), open);
  if (choice === open) {
    await vscode.window.showTextDocument(templateUri);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readJson(uri: vscode.Uri) {
  const bytes = await vscode.workspace.fs.readFile(uri);
  return parseArmJson(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri));
}

async function importArm(offers: OfferWorkspace): Promise<void> {
  const document = await targetDocument(offers, undefined);
  if (!document) {
    return;
  }
  const jsonFilter = { [vscode.l10n.t('Templates')]: ['json', 'jsonc'] };
  const templateFile = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Azure Lighthouse onboarding template'), filters: jsonFilter, canSelectMany: false });
  if (!templateFile?.[0]) {
    return;
  }
  const withParameters = { label: vscode.l10n.t('Choose a parameters file…') };
  const defaults = { label: vscode.l10n.t("Use the template's default values") };
  const how = await vscode.window.showQuickPick([withParameters, defaults], { title: vscode.l10n.t('Parameters of the template') });
  if (!how) {
    return;
  }
  let parametersFile: vscode.Uri | undefined;
  if (how.label === withParameters.label) {
    parametersFile = (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Parameters file'), filters: jsonFilter, canSelectMany: false }))?.[0];
    if (!parametersFile) {
      return;
    }
  }
  let configuration;
  try {
    configuration = importTemplate(await readJson(templateFile[0]), parametersFile ? await readJson(parametersFile) : undefined);
  } catch (error) {
    const message = error instanceof TemplateImportError ? error.message : vscode.l10n.t('Cannot read the file: {0}', String(error));
    void vscode.window.showErrorMessage(message);
    return;
  }
  const current = offers.parse(document);
  const suggestion = suggestPlanId(current);
  const planId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import Template as New Plan'),
    prompt: vscode.l10n.t('Plan ID of the new plan: lowercase letters, digits, "-" and "_". It cannot change after publishing.'),
    value: suggestion,
    validateInput: (value) => validateNewPlanId(value, offers.parse(document)),
  });
  if (planId === undefined) {
    return;
  }
  const latest = offers.parse(document);
  const problem = validateNewPlanId(planId, latest);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return;
  }
  if (await applyOfferEdits(document, latest, addPlanEdits(latest, planId, configuration))) {
    const plans = plansOf(offers.parse(document).root);
    await reveal(document, plans[plans.length - 1]?.node);
  } else {
    void vscode.window.showErrorMessage(vscode.l10n.t('The plan could not be added: "plans" is not a list in this offer.'));
  }
}
