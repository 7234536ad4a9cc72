/**
 * LSP wiring of the features that help while typing: completion (and its resolve, which adds a
 * role's documentation to the one item shown), hover and inlay hints, and the two settings they
 * depend on: `marketplaceOffer.inlayHints.roleNames` and `marketplaceOffer.roleCatalogPath` (a
 * user-provided role catalog that replaces the shipped one).
 * Every handler is guarded: an exception is logged and answered with an empty result (an item to
 * resolve, with itself unchanged), a cancelled request with `RequestCancelled`.
 */
import { CancellationToken, DidChangeConfigurationNotification, MessageType, ServerCapabilities, ShowMessageNotification } from 'vscode-languageserver/node';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { readRoleCatalogFile, resolveCatalogPath } from '@core/catalog/roleCatalogFile';
import { t } from '@core/l10n';
import { asNotificationHandler } from './guard';
import type { ServerHost } from './startServer';

/** The settings section the client keeps for this extension. */
export const SETTINGS_SECTION = 'marketplaceOffer';

export interface EditingSettings {
  /** Show the role name after role ids. */
  roleNameHints: boolean;
  /** A role catalog file to use instead of the shipped one ('' for the shipped one). */
  roleCatalogPath: string;
}

export const DEFAULT_EDITING_SETTINGS: EditingSettings = { roleNameHints: true, roleCatalogPath: '' };

/** Reads the `marketplaceOffer` section as the client gives it (null or partial: defaults). */
export function editingSettingsFrom(section: unknown): EditingSettings {
  const value = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const inlayHints = (value.inlayHints && typeof value.inlayHints === 'object' ? value.inlayHints : {}) as Record<string, unknown>;
  return {
    roleNameHints: typeof inlayHints.roleNames === 'boolean' ? inlayHints.roleNames : DEFAULT_EDITING_SETTINGS.roleNameHints,
    roleCatalogPath: typeof value.roleCatalogPath === 'string' ? value.roleCatalogPath : DEFAULT_EDITING_SETTINGS.roleCatalogPath,
  };
}

/** What editing features use of the server (startServer.ts): the workspace folders resolve a relative `roleCatalogPath`; a new catalog checks every open offer again. */
export type EditingFeatureHost = Pick<ServerHost, 'connection' | 'documents' | 'service' | 'guard' | 'log' | 'locate' | 'workspaceFolders' | 'recheckAll'>;

/** Registers the handlers and returns the capabilities to announce in `initialize`. */
export function registerEditingFeatures(host: EditingFeatureHost): ServerCapabilities {
  const { connection, documents, service, guard, locate } = host;
  let settings = DEFAULT_EDITING_SETTINGS;
  /** The catalog file in use ('' for the shipped catalog): a setting that names it again changes nothing. */
  let loadedCatalogPath = '';
  /**
   * The catalog is read without blocking the server; requests that show roles wait for the load
   * a settings change started, so that they answer with the catalog the user just chose.
   */
  let catalogLoad: Promise<unknown> = Promise.resolve();

  connection.onCompletion(
    guard('completion', null, async (params) => {
      await catalogLoad;
      const document = documents.get(params.textDocument.uri);
      return document ? service.complete(document, params.position, locate(document)) : null;
    }),
  );
  // The item comes back from the client as it was sent (any JSON a client may send): whatever
  // goes wrong, it is answered unchanged.
  connection.onCompletionResolve((item, token) => guard('completionResolve', item, (_token: CancellationToken) => service.resolveCompletion(item))(token));
  connection.onHover(
    guard('hover', null, async (params) => {
      await catalogLoad;
      const document = documents.get(params.textDocument.uri);
      return document ? service.hover(document, params.position, locate(document)) : null;
    }),
  );
  connection.languages.inlayHint.on(
    guard('inlayHint', [], async (params) => {
      await catalogLoad;
      const document = documents.get(params.textDocument.uri);
      return document && settings.roleNameHints ? service.inlayHints(document, params.range) : [];
    }),
  );

  const applySettings = async (next: EditingSettings) => {
    const hintsChanged = next.roleNameHints !== settings.roleNameHints;
    settings = next;
    const loading = useCatalog(next.roleCatalogPath);
    catalogLoad = loading;
    const catalogChanged = await loading;
    if (catalogChanged) {
      host.recheckAll();
    }
    if (catalogChanged || hintsChanged) {
      connection.languages.inlayHint.refresh().catch(() => undefined); // a client without refresh asks again anyway
    }
  };

  /** Loads the catalog a setting names (or the shipped one); answers whether the catalog changed. */
  const useCatalog = async (setting: string): Promise<boolean> => {
    const resolved = resolveCatalogPath(setting, host.workspaceFolders()) ?? '';
    if (resolved === loadedCatalogPath) {
      return false;
    }
    loadedCatalogPath = resolved;
    if (resolved === '') {
      service.catalog = RoleCatalog.builtin();
      if (setting.trim() !== '') {
        warn(t('The role catalog path "{0}" is relative but no folder is open: the built-in role catalog is used.', setting));
      }
      return true;
    }
    let catalog: RoleCatalog;
    try {
      catalog = await readRoleCatalogFile(resolved);
    } catch (error) {
      if (loadedCatalogPath !== resolved) {
        return false; // a later setting replaced this one while it was read
      }
      service.catalog = RoleCatalog.builtin();
      const reason = error instanceof Error ? error.message : String(error);
      host.log.error(`Role catalog ${resolved} not used: ${reason}`);
      warn(t('{0} The built-in role catalog is used instead.', reason));
      return true;
    }
    if (loadedCatalogPath !== resolved) {
      return false;
    }
    service.catalog = catalog;
    host.log.info(`Role catalog: ${catalog.roles.length} roles from ${resolved}`);
    return true;
  };

  // A notification, not window/showMessageRequest: nothing to answer, and a client that can't
  // answer requests is not left with one.
  const warn = (message: string) => {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  /** Asks the client for the settings (clients without workspace/configuration keep the defaults). */
  const fetchSettings = guard('configuration', undefined, async () => {
    let section: unknown;
    try {
      section = await connection.workspace.getConfiguration(SETTINGS_SECTION);
    } catch {
      return;
    }
    await applySettings(editingSettingsFrom(section));
  });

  connection.onInitialized(
    asNotificationHandler(
      guard('initialized', undefined, async () => {
        // Ask to be told of changes to our section (clients without dynamic registration refuse).
        connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
        await fetchSettings();
      }),
    ),
  );

  connection.onDidChangeConfiguration(
    asNotificationHandler(
      guard('didChangeConfiguration', undefined, async (params) => {
        // Clients that push settings send them; the others send null and are asked.
        const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
        if (pushed !== undefined) {
          await applySettings(editingSettingsFrom(pushed));
        } else {
          await fetchSettings();
        }
      }),
    ),
  );

  return {
    completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: true },
    hoverProvider: true,
    inlayHintProvider: { resolveProvider: false },
  };
}
