/**
 * The "Offer Plans" view in the Explorer: one root per offer (the active one expanded), shown with
 * codicons, problem colours and click-to-select. The nodes are the server's
 * (`PlanTreeRequest`): it builds each offer's tree once per version, from its own diagnostics.
 *
 * Nothing is asked while the view is hidden: a change only marks the offer's tree stale, and the
 * view asks again when it is shown. Only the trees of offers that changed are asked again; an
 * offer no editor has open is read by the server (never here), and asked again only when its file
 * changes.
 */
import * as vscode from 'vscode';
import { OfferTree, PlanTreeRequest, TreeNodeModel } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isOfferDocument, isSyncedOffer, OFFER_GLOB, OfferWorkspace, openDocumentOf } from '../offerWorkspace';
import { markStartup } from '../startupTimings';

export const PLANS_VIEW_ID = 'marketplaceOffer.plans';
const HAS_OFFERS_CONTEXT = 'marketplaceOffer.hasOffers';

/** A tree node and the offer it belongs to. */
export interface PlanTreeNode {
  model: TreeNodeModel;
  uri: vscode.Uri;
  parent: PlanTreeNode | undefined;
}

/** An offer's tree as the server last gave it. */
interface KnownTree {
  /** The server's answer (null: it could not read the offer). */
  tree: OfferTree | null;
  /** Set when the offer changed since: the next time the view shows it, it is asked again. */
  stale: boolean;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PlanTreeNode[] = [];
  /** The workspace's offer files (VS Code's file search); listed again when one is created or deleted. */
  private workspaceOffers: Promise<vscode.Uri[]> | undefined;
  private readonly known = new Map<string, KnownTree>();
  /** Requests in flight, so that two refreshes ask the server once. */
  private readonly asking = new Map<string, Promise<OfferTree | null>>();
  private visible = false;
  private changedWhileHidden = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly offers: OfferWorkspace,
    private readonly server: OfferServer,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(OFFER_GLOB);
    const relist = (uri: vscode.Uri) => {
      this.workspaceOffers = undefined;
      this.invalidate(uri);
      void this.updateHasOffers();
    };
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidCreate(relist),
      watcher.onDidDelete(relist),
      watcher.onDidChange((uri) => {
        // The server builds an open offer's tree from the editor's text, not from the file.
        if (!isSyncedOffer(uri)) {
          this.invalidate(uri);
        }
      }),
      offers.onDidChangeOffer((uri) => this.invalidate(uri)),
      server.onDidStart(() => this.invalidate()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isOfferDocument(editor?.document)) {
          // The active offer is listed first and expanded; its tree is asked only if it changed.
          this.invalidate(undefined, false);
          void this.updateHasOffers();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isOfferDocument(document)) {
          this.invalidate(document.uri);
          // An offer outside the workspace is listed only while it is open.
          void this.updateHasOffers();
        }
      }),
    );
    void this.updateHasOffers();
  }

  /** Follows the view's visibility: the tree is built only while it is visible. */
  attach(view: vscode.TreeView<PlanTreeNode>): void {
    this.visible = view.visible;
    if (view.visible) {
      markStartup('treeShownMs');
    }
    this.subscriptions.push(
      view.onDidChangeVisibility(({ visible }) => {
        this.visible = visible;
        if (visible) {
          markStartup('treeShownMs');
        }
        if (visible && this.changedWhileHidden) {
          this.changedWhileHidden = false;
          this.changed.fire(undefined);
        }
      }),
    );
  }

  /** Asks again for every offer's tree (re-listing the workspace's offers when `rescan`). */
  refresh(rescan = false): void {
    if (rescan) {
      this.workspaceOffers = undefined;
      void this.updateHasOffers();
    }
    this.invalidate();
  }

  /**
   * Marks one offer's tree (or every tree) stale and redraws the roots if the view is visible;
   * only the stale trees are asked again. `stale: false` only redraws (the order of the roots).
   */
  private invalidate(uri?: vscode.Uri, stale = true): void {
    if (stale) {
      if (uri) {
        const known = this.known.get(uri.toString());
        if (known) {
          known.stale = true;
        }
      } else {
        this.known.forEach((known) => (known.stale = true));
      }
    }
    if (this.visible) {
      this.changed.fire(undefined);
    } else {
      this.changedWhileHidden = true;
    }
  }

  /** The offers the view lists: the active one (even outside the workspace) and the workspace's. */
  private async offerUris(): Promise<vscode.Uri[]> {
    this.workspaceOffers ??= this.offers.findOffers().catch(() => []);
    const uris = [...(await this.workspaceOffers)];
    const active = this.offers.activeOfferDocument();
    if (active && !uris.some((uri) => uri.toString() === active.uri.toString())) {
      uris.unshift(active.uri);
    }
    return uris;
  }

  /** The view appears once there is an offer to show (listing files reads none of them). */
  private async updateHasOffers(): Promise<void> {
    const uris = await this.offerUris();
    void vscode.commands.executeCommand('setContext', HAS_OFFERS_CONTEXT, uris.length > 0);
  }

  /** An offer's tree: the one known if nothing changed since, else the server's answer. */
  private async treeOf(uri: vscode.Uri): Promise<OfferTree | null> {
    const key = uri.toString();
    const known = this.known.get(key);
    const document = openDocumentOf(uri);
    const current = known && !known.stale && (known.tree === null ? !document : known.tree.version === (document?.version ?? null));
    if (known && current) {
      return known.tree;
    }
    let asking = this.asking.get(key);
    if (!asking) {
      asking = this.server.request(PlanTreeRequest, { uri: key }).then((tree) => {
        this.asking.delete(key);
        // No answer (the server is not running): keep what was shown, still stale.
        if (tree !== undefined) {
          this.known.set(key, { tree, stale: false });
        }
        return tree ?? known?.tree ?? null;
      });
      this.asking.set(key, asking);
    }
    return asking;
  }

  async getChildren(node?: PlanTreeNode): Promise<PlanTreeNode[]> {
    if (node) {
      return node.model.children.map((child) => wrap(child, node.uri, node));
    }
    const uris = await this.offerUris();
    const trees = await Promise.all(uris.map((uri) => this.treeOf(uri)));
    const listed = new Set(uris.map((uri) => uri.toString()));
    for (const key of this.known.keys()) {
      if (!listed.has(key)) {
        this.known.delete(key); // an offer no longer listed (deleted, or closed outside the workspace)
      }
    }
    this.roots = trees.flatMap((tree, index) => (tree ? [wrap(tree.root, uris[index], undefined)] : []));
    if (this.roots.length > 0) {
      markStartup('firstTreeRowMs');
    }
    return this.roots;
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    const { model } = node;
    const item = new vscode.TreeItem(model.label, this.collapsibleState(node));
    item.id = `${node.uri.toString()}#${model.id}`;
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

  getParent(node: PlanTreeNode): PlanTreeNode | undefined {
    return node.parent;
  }

  /** The roots last shown (for tests in the real editor and the commands). */
  get offerRoots(): readonly PlanTreeNode[] {
    return this.roots;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
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
