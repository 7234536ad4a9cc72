/**
 * The "Offer Plans" view in the Explorer: one root per offer (the active one expanded), built by
 * the pure `planTreeModel` and shown with codicons, problem colours and click-to-select.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { isOfferDocument, isOfferUri, OFFER_GLOB, OfferWorkspace } from '../offerWorkspace';
import { buildOfferTree, TreeNodeModel } from '../../../server/src/features/planTree';

/** Offers not open in an editor are read from disk; bigger files are left to the editor. */
const MAX_UNOPENED_OFFER_BYTES = 5 * 1024 * 1024;
export const PLANS_VIEW_ID = 'marketplaceOffer.plans';
const HAS_OFFERS_CONTEXT = 'marketplaceOffer.hasOffers';

/** A tree node and the offer it belongs to. */
export interface PlanTreeNode {
  model: TreeNodeModel;
  uri: vscode.Uri;
  parent: PlanTreeNode | undefined;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PlanTreeNode[] = [];
  private workspaceOffers: vscode.Uri[] | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private rebuilding: Promise<void> | undefined;
  private rebuildAgain = false;

  constructor(
    private readonly offers: OfferWorkspace,
    /** The role catalog in use (the user may point the setting at another one meanwhile). */
    private readonly catalog: () => RoleCatalog,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(OFFER_GLOB);
    const rescan = () => {
      this.workspaceOffers = undefined;
      this.refresh();
    };
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidCreate(rescan),
      watcher.onDidDelete(rescan),
      watcher.onDidChange(() => this.refresh()),
      offers.onDidChangeOffer(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isOfferDocument(editor?.document)) {
          this.refresh();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isOfferDocument(document)) {
          this.refresh();
        }
      }),
    );
    this.refresh();
  }

  /** Rebuilds every root (re-scanning the workspace when `rescan`); calls in flight are merged. */
  refresh(rescan = false): void {
    if (rescan) {
      this.workspaceOffers = undefined;
    }
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return;
    }
    this.rebuilding = this.rebuild()
      .catch((error) => console.error('Offer plans view:', error))
      .finally(() => {
        this.rebuilding = undefined;
        if (this.rebuildAgain) {
          this.rebuildAgain = false;
          this.refresh();
        }
      });
  }

  private async rebuild(): Promise<void> {
    this.workspaceOffers ??= await this.offers.findOffers();
    const active = this.offers.activeOfferDocument();
    const uris = [...this.workspaceOffers];
    if (active && !uris.some((uri) => uri.toString() === active.uri.toString())) {
      uris.unshift(active.uri);
    }
    const roots: PlanTreeNode[] = [];
    for (const uri of uris) {
      const document = await this.documentOf(uri);
      if (!document) {
        continue;
      }
      const files = this.offers.files(uri);
      const model = buildOfferTree(document, this.offers.diagnostics(uri, document), {
        catalog: this.catalog(),
        fallbackName: path.posix.basename(uri.path),
        csvIdCount: (csv) => {
          const lookup = files?.audienceCsv(csv);
          return lookup?.status === 'ok' ? lookup.result.length : undefined;
        },
      });
      roots.push(wrap(model, uri, undefined));
    }
    this.roots = roots;
    void vscode.commands.executeCommand('setContext', HAS_OFFERS_CONTEXT, roots.length > 0);
    this.changed.fire(undefined);
  }

  /** The open document's text (with unsaved edits), or the file's text from disk. */
  private async documentOf(uri: vscode.Uri): Promise<OfferDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) {
      return this.offers.parse(open);
    }
    if (!isOfferUri(uri)) {
      return undefined;
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_UNOPENED_OFFER_BYTES) {
        return undefined;
      }
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      // Version -1: not an editor's version; edits open the document and compare content instead.
      return OfferDocument.fromText(text, uri.toString(), -1);
    } catch {
      return undefined;
    }
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    const { model } = node;
    const item = new vscode.TreeItem(model.label, this.collapsibleState(node));
    item.id = model.id;
    item.description = model.description;
    item.tooltip = model.tooltip ?? model.label;
    item.contextValue = model.kind;
    item.iconPath = iconOf(model);
    if (model.range) {
      const { start, end } = model.range;
      const selection = new vscode.Range(start.line, start.character, end.line, end.character);
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Reveal in Editor'),
        arguments: [node.uri, { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
      };
    }
    return item;
  }

  private collapsibleState(node: PlanTreeNode): vscode.TreeItemCollapsibleState {
    const { model } = node;
    if (model.children.length === 0) {
      return vscode.TreeItemCollapsibleState.None;
    }
    if (model.kind === 'offer') {
      const active = this.offers.activeOfferDocument()?.uri.toString();
      return this.roots.length === 1 || node.uri.toString() === active
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    }
    return model.kind === 'readiness' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
  }

  getChildren(node?: PlanTreeNode): PlanTreeNode[] {
    return node ? node.model.children.map((child) => wrap(child, node.uri, node)) : this.roots;
  }

  getParent(node: PlanTreeNode): PlanTreeNode | undefined {
    return node.parent;
  }

  /** The current roots (for tests in the real editor and the commands). */
  get offerRoots(): readonly PlanTreeNode[] {
    return this.roots;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function wrap(model: TreeNodeModel, uri: vscode.Uri, parent: PlanTreeNode | undefined): PlanTreeNode {
  return { model, uri, parent };
}

/** The node's own icon, replaced by a red error or yellow warning icon when it has problems. */
function iconOf(model: TreeNodeModel): vscode.ThemeIcon {
  if (model.kind === 'section') {
    if (model.icon === 'pass') {
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    }
    if (model.icon === 'error') {
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    }
    return new vscode.ThemeIcon(model.icon);
  }
  if (model.problems.errors > 0) {
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
  if (model.problems.warnings > 0) {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
  return new vscode.ThemeIcon(model.icon);
}
