/**
 * Azure Lighthouse onboarding templates in the editor: export a plan (to deploy in a test tenant
 * before publishing) and import a template as a new plan. The language server converts
 * (`server/src/arm/`, the same code as the command-line checker's `export-arm` / `import-arm`),
 * from the offer and the diagnostics it has: export refuses exactly what the Problems panel shows.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { DelegationScope, ExportPlanRequest, ImportTemplateRequest, TemplateFile } from '@core/protocol';
import { type OfferServer, showOfferNotReadYet, showServerNotRunning } from '../offerServer';
import { OfferWorkspace } from '../offerWorkspace';
import { addNewPlan, plansOf, targetDocument } from '../tree/planCommands';
import { writeFromEditor } from './editorFileWrites';
import type { PlanTreeNode } from '../tree/planTreeProvider';

export function registerArmCommands(offers: OfferWorkspace, server: OfferServer): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('marketplaceOffer.exportArm', (node?: PlanTreeNode) => exportArm(offers, server, node)),
    vscode.commands.registerCommand('marketplaceOffer.importArm', () => importArm(offers, server)),
  ];
}

async function exportArm(offers: OfferWorkspace, server: OfferServer, node: PlanTreeNode | undefined): Promise<void> {
  const document = await targetDocument(offers, node);
  const known = document && (await plansOf(server, document));
  if (!document || !known) {
    return;
  }
  const plans = known.plans.filter((plan) => plan.planId);
  if (plans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The offer has no plan with a planId to export.'));
    return;
  }
  const planId =
    (node?.model.planIndex !== undefined ? known.plans.find((plan) => plan.index === node.model.planIndex)?.planId : undefined) ??
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

  const version = document.version;
  const answer = await server.requestCaughtUp(
    ExportPlanRequest,
    { uri: document.uri.toString(), version, planId, scope: scope.scope },
    (answer) => answer.outcome === 'stale',
    () => document.version === version,
  );
  if (!answer || answer.outcome === 'stale') {
    showOfferNotReadYet();
    return;
  }
  if (answer.outcome === 'refused') {
    const details = answer.problems.slice(0, 5).map((problem) => `${problem.code}: ${problem.message}`).join('\n');
    void vscode.window.showErrorMessage(answer.message, { modal: true, detail: details });
    return;
  }

  const target = await exportFolder(document, planId);
  if (!target) {
    return;
  }
  const written = await writeFromEditor({
    folder: target,
    files: answer.files,
    replaceQuestion: (existing) => vscode.l10n.t('{0} already exists in that folder. Replace it?', existing.join(', ')),
  });
  const templateUri = written?.[0];
  if (!templateUri) {
    return;
  }
  const open = vscode.l10n.t('Open Template');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported plan {0} as {1}.', planId, vscode.workspace.asRelativePath(templateUri)), open);
  if (choice === open) {
    await vscode.window.showTextDocument(templateUri);
  }
}

/**
 * Where to export: `onboarding` beside the offer (created when it does not exist yet, which a
 * folder picker can't offer), or any folder chosen in the picker.
 */
async function exportFolder(document: vscode.TextDocument, planId: string): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Folder for {0}.template.json and {0}.parameters.json', planId);
  const besideOffer = document.uri.scheme === 'file' ? vscode.Uri.file(path.join(path.dirname(document.uri.fsPath), 'onboarding')) : undefined;
  type FolderItem = vscode.QuickPickItem & { folder?: vscode.Uri };
  const choose: FolderItem = { label: vscode.l10n.t('Choose a folder…') };
  const items: FolderItem[] = besideOffer
    ? [
        {
          label: vscode.workspace.asRelativePath(besideOffer),
          description: vscode.l10n.t('beside the offer; created if it does not exist'),
          folder: besideOffer,
        },
        choose,
      ]
    : [choose];
  const picked = items.length > 1 ? await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Where should the files go?') }) : choose;
  if (!picked) {
    return undefined;
  }
  if (picked.folder) {
    return picked.folder;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const chosen = await vscode.window.showOpenDialog({
    title,
    defaultUri: document.uri.scheme === 'file' ? vscode.Uri.file(path.dirname(document.uri.fsPath)) : folder?.uri,
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Export Here'),
  });
  return chosen?.[0];
}

/**
 * A template or parameters file the user picked, for the server to read (a bounded read of a
 * regular file, as `import-arm` does): only files on this computer.
 */
function templateFileOf(uri: vscode.Uri): TemplateFile {
  if (uri.scheme !== 'file') {
    throw new Error(vscode.l10n.t('Templates are read only from this computer: {0} is not a file here.', uri.toString()));
  }
  return { path: uri.fsPath, name: vscode.workspace.asRelativePath(uri) };
}

async function importArm(offers: OfferWorkspace, server: OfferServer): Promise<void> {
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
  let files: { template: TemplateFile; parameters?: TemplateFile };
  try {
    files = { template: templateFileOf(templateFile[0]), parameters: parametersFile ? templateFileOf(parametersFile) : undefined };
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  const imported = await server.request(ImportTemplateRequest, files);
  if (!imported) {
    showServerNotRunning();
    return;
  }
  if (imported.outcome === 'refused') {
    void vscode.window.showErrorMessage(imported.message);
    return;
  }
  await addNewPlan(
    server,
    document,
    {
      title: vscode.l10n.t('Import Template as New Plan'),
      prompt: vscode.l10n.t('Plan ID of the new plan: lowercase letters, digits, "-" and "_". It is fixed once the plan is created in Partner Center.'),
    },
    imported.technicalConfiguration,
  );
}
