/**
 * The server's answers to the extension's custom requests (`core/src/protocol.ts`): the plans
 * tree's data, publish readiness, the listing preview's data, the hand-off sheet, plans and roles
 * for the commands' pickers, the tree's edits, and Lighthouse templates out and in. The extension
 * parses nothing and loads no catalog: it asks here.
 *
 * What an answer is made of is computed once per version of a document: its parse is the language
 * service's and its diagnostics the server's one check of that version (the Problems panel's,
 * diagnosticsFeature.ts: waited for while it runs, never run again beside it), and the readiness
 * and the tree built from them are kept with them until the next version, a file change or
 * another catalog.
 * Offers not open in an editor are read from disk, only inside a workspace folder and up to a
 * size limit, checked without reading the files they name, and kept until the file changes.
 * Every handler is guarded: an exception is logged and answered with "nothing" (or a refusal).
 */
import * as path from 'path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { t } from '@core/l10n';
import { OfferDocument } from '@core/model/offerDocument';
import {
  CheckPlanIdRequest,
  ExportPlanRequest,
  ExportPlanResult,
  HandoffRequest,
  HandoffSheet,
  ImportTemplateRequest,
  ImportTemplateResult,
  OfferEdit,
  OfferEditRequest,
  OfferEditResult,
  OfferRequestType,
  OfferTree,
  PlansRequest,
  PlanTreeRequest,
  PreviewRequest,
  PublishStatus,
  ReadinessRequest,
  RoleChoicesRequest,
  TreeNodeModel,
} from '@core/protocol';
import { exportPlan } from '../arm/exportPlan';
import { readArmJsonFile, TemplateImportError } from '../arm/armFile';
import { importTemplate } from '../arm/importTemplate';
import { addAuthorizationEdits, addPlanEdits, planChoices, removeEdits, suggestPlanId, validateNewPlanId } from '../features/offerEdits';
import { toTextEdits } from '../edits/offsetEdits';
import { buildOfferTree, flattenTree } from '../features/planTree';
import { previewData } from '../features/previewData';
import { publishStatus } from '../features/publishStatus';
import { roleChoices } from '../features/roleChoices';
import type { OfferLanguageService } from '../languageService';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { WorkAbandoned } from '../validation/steps';
import { validateOffer } from '../validation/validateOffer';
import { ConfinedFolder } from '@core/files/confinedFolder';
import { isOfferFileName } from '@core/files/fileNames';
import { pathOfFileUri } from '@core/files/fileUri';
import { workspaceFolderOf } from '@core/files/insideFolder';
import type { ServerHost } from './startServer';

/** An offer not open in an editor is read from disk up to this size; a bigger one is left out. */
export const MAX_UNOPENED_OFFER_BYTES = 5 * 1024 * 1024;

/**
 * What the extension's requests use of the server (startServer.ts): an offer not open in an editor
 * is read only inside a workspace folder. Without `offerDiagnostics` (a test's host without the
 * diagnostics feature), each version is checked by the language service itself.
 */
export type OfferRequestHost = Pick<ServerHost, 'connection' | 'documents' | 'service' | 'guard' | 'locate' | 'workspaceFolders'> &
  Partial<Pick<ServerHost, 'offerDiagnostics'>>;

/** What is known of one version of an open offer; replaced as a whole when anything changes. */
interface OpenOffer {
  document: OfferDocument;
  diagnostics: readonly OfferDiagnostic[];
  status?: PublishStatus;
  tree?: TreeNodeModel;
  handoff?: HandoffSheet;
}

/** An offer read from disk, kept while its file and the catalog are unchanged. */
interface UnopenedOffer {
  stamp: string;
  catalog: RoleCatalog;
  tree: TreeNodeModel | undefined;
}

/** Registers the handlers (in the server's startup, beside the other features). */
export function registerOfferRequests(host: OfferRequestHost): void {
  const { connection, documents, service, guard, locate } = host;
  const open = new Map<string, OpenOffer>();
  const unopened = new Map<string, UnopenedOffer>();
  documents.onDidClose(({ document }) => open.delete(document.uri));

  const diagnosticsOf = host.offerDiagnostics ?? ((textDocument: TextDocument) => service.validate(textDocument, locate(textDocument)));

  /**
   * The offer's parse and diagnostics of its current version: the server's one check of that
   * version (the Problems panel's), waited for rather than run again while it is under way. A
   * check overtaken by a newer version is waited for again, for that version.
   */
  const stateOf = async (textDocument: TextDocument, token?: CancellationToken): Promise<OpenOffer> => {
    let document: OfferDocument;
    let diagnostics: readonly OfferDiagnostic[];
    for (;;) {
      document = service.parse(textDocument);
      try {
        diagnostics = await diagnosticsOf(textDocument, token);
      } catch (error) {
        if (error instanceof WorkAbandoned && error.reason === 'superseded' && documents.get(textDocument.uri) === textDocument) {
          continue;
        }
        throw error;
      }
      // TextDocuments updates a document in place: still the version that was checked?
      if (service.parse(textDocument) === document) {
        break;
      }
    }
    let state = open.get(textDocument.uri);
    if (!state || state.document !== document || state.diagnostics !== diagnostics) {
      state = { document, diagnostics };
      open.set(textDocument.uri, state);
    }
    return state;
  };
  const statusOf = (state: OpenOffer): PublishStatus => (state.status ??= publishStatus(state.document, state.diagnostics));
  const treeOf = (textDocument: TextDocument, state: OpenOffer): TreeNodeModel => {
    if (!state.tree) {
      const files = service.filesFor(locate(textDocument));
      state.tree = buildOfferTree(state.document, state.diagnostics, {
        catalog: service.catalog,
        fallbackName: fileNameOf(textDocument.uri),
        status: statusOf(state),
        csvIdCount: (csv) => {
          const lookup = files?.audienceCsv(csv);
          return lookup?.status === 'ok' ? lookup.result.length : undefined;
        },
      });
    }
    return state.tree;
  };

  /**
   * The tree of an offer no editor has open: read inside a workspace folder, within the size
   * limit, checked for what its text says (the files it names are not read: nobody opened it).
   */
  const unopenedTree = (uri: string): TreeNodeModel | undefined => {
    const file = confinedOfferFile(uri, host.workspaceFolders(), service);
    if (!file) {
      unopened.delete(uri);
      return undefined;
    }
    const kept = unopened.get(uri);
    if (kept && kept.stamp === file.stamp && kept.catalog === service.catalog) {
      return kept.tree;
    }
    const text = file.read();
    let tree: TreeNodeModel | undefined;
    if (text !== undefined) {
      const document = OfferDocument.fromText(text, uri, -1);
      const diagnostics = validateOffer({ document, catalog: service.catalog });
      tree = buildOfferTree(document, diagnostics, { catalog: service.catalog, fallbackName: fileNameOf(uri) });
    }
    unopened.set(uri, { stamp: file.stamp, catalog: service.catalog, tree });
    return tree;
  };

  on(PlanTreeRequest, null, async ({ uri }, token): Promise<OfferTree | null> => {
    const textDocument = documents.get(uri);
    if (textDocument) {
      const state = await stateOf(textDocument, token);
      return { uri, version: state.document.version, root: treeOf(textDocument, state) };
    }
    const root = unopenedTree(uri);
    return root ? { uri, version: null, root } : null;
  });

  on(ReadinessRequest, null, async ({ uri }, token) => {
    const textDocument = documents.get(uri);
    if (!textDocument) {
      return null;
    }
    const state = await stateOf(textDocument, token);
    return { uri, version: state.document.version, status: statusOf(state) };
  });

  on(PreviewRequest, null, async ({ uri }, token) => {
    const textDocument = documents.get(uri);
    if (!textDocument) {
      return null;
    }
    const state = await stateOf(textDocument, token);
    return { uri, version: state.document.version, ...previewData(state.document, statusOf(state), service.filesFor(locate(textDocument))) };
  });

  // The hand-off sheet of an open offer, its uploads looked up beside it; kept for the version.
  on(HandoffRequest, null, async ({ uri }, token) => {
    const textDocument = documents.get(uri);
    if (!textDocument) {
      return null;
    }
    const state = await stateOf(textDocument, token);
    state.handoff ??= service.handoff(textDocument, locate(textDocument));
    return { uri, version: state.document.version, sheet: state.handoff };
  });

  on(PlansRequest, null, ({ uri }) => {
    const textDocument = documents.get(uri);
    if (!textDocument) {
      return null;
    }
    const document = service.parse(textDocument);
    return { uri, version: textDocument.version, plans: planChoices(document), suggestedPlanId: suggestPlanId(document) };
  });

  on(CheckPlanIdRequest, { problem: null }, ({ uri, planId }) => {
    const textDocument = documents.get(uri);
    return { problem: textDocument ? (validateNewPlanId(String(planId), service.parse(textDocument)) ?? null) : null };
  });

  on(RoleChoicesRequest, { common: [], supported: [], assignable: [] }, () => roleChoices(service.catalog));

  const edit = async (textDocument: TextDocument, change: OfferEdit, token: CancellationToken | undefined): Promise<OfferEditResult> => {
    const document = service.parse(textDocument);
    const result = (edits: ReturnType<typeof addPlanEdits>, refusal: string): OfferEditResult =>
      edits.length > 0 ? { outcome: 'edits', version: textDocument.version, edits: toTextEdits(document, edits) } : { outcome: 'refused', message: refusal };
    switch (change.kind) {
      case 'addPlan': {
        const problem = validateNewPlanId(String(change.planId), document);
        if (problem) {
          return { outcome: 'refused', message: problem };
        }
        return result(addPlanEdits(document, change.planId, change.technicalConfiguration), t('The plan could not be added: "plans" is not a list in this offer.'));
      }
      case 'addAuthorization':
        return result(
          addAuthorizationEdits(document, change.planIndex, change.authorization),
          t('The authorization could not be added: plan {0} or its technical configuration is not an object in this offer.', change.planIndex + 1),
        );
      case 'remove': {
        const state = await stateOf(textDocument, token);
        if (state.document !== document) {
          return { outcome: 'stale' }; // edited while its check was waited for
        }
        // The node was drawn from an earlier text: act only if the same node is still at its place.
        const still = flattenTree(treeOf(textDocument, state)).find(
          (node) => node.pointer === change.pointer && node.kind === change.nodeKind,
        );
        if (!still || still.label !== change.label || !['plan', 'authorization', 'eligibleAuthorization'].includes(still.kind)) {
          return { outcome: 'stale' };
        }
        return result(removeEdits(document, change.pointer), t('The offer changed since the tree was drawn; nothing was removed. Try again.'));
      }
      default:
        return { outcome: 'refused', message: t('The server does not know this edit.') };
    }
  };

  onRefusable(OfferEditRequest, async (params, token): Promise<OfferEditResult> => {
    const textDocument = documents.get(params.uri);
    if (!textDocument || textDocument.version !== params.version) {
      return { outcome: 'stale' };
    }
    return edit(textDocument, params.edit, token);
  });

  onRefusable(ExportPlanRequest, async (params, token): Promise<ExportPlanResult> => {
    const textDocument = documents.get(params.uri);
    if (!textDocument || textDocument.version !== params.version) {
      return { outcome: 'stale' };
    }
    const state = await stateOf(textDocument, token);
    if (state.document.version !== params.version) {
      return { outcome: 'stale' }; // edited while its check was waited for
    }
    const scope = params.scope === 'resourceGroup' ? 'resourceGroup' : 'subscription';
    const exported = exportPlan(state.document, [...state.diagnostics], String(params.planId), scope);
    if (!exported.ok) {
      return { outcome: 'refused', message: exported.message, problems: exported.problems.map(({ code, message }) => ({ code, message })) };
    }
    return { outcome: 'exported', files: exported.exported.files.map(({ name, contents }) => ({ name, contents: String(contents) })) };
  });

  onRefusable(ImportTemplateRequest, async ({ template, parameters }): Promise<ImportTemplateResult> => {
    try {
      // Files the user picked in the editor: read as import-arm reads them (bounded, regular files).
      const read = async (file: { path: unknown; name: unknown }) => {
        const outcome = await readArmJsonFile(String(file.path), String(file.name));
        if (!outcome.ok) {
          throw new TemplateImportError(outcome.message);
        }
        return outcome.file;
      };
      const technicalConfiguration = importTemplate(await read(template), parameters ? await read(parameters) : undefined);
      return { outcome: 'imported', technicalConfiguration };
    } catch (error) {
      if (error instanceof TemplateImportError) {
        return { outcome: 'refused', message: error.message };
      }
      throw error;
    }
  });

  /** Registers a guarded handler. */
  function on<P, R>(type: OfferRequestType<P, R>, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>): void {
    connection.onRequest(
      type.method,
      guard(type.method, fallback, (params: P, token?: CancellationToken) => handler(params, token)),
    );
  }

  /** Registers a guarded handler whose failure is a refusal the user reads (in their language). */
  function onRefusable<P, R extends { outcome: string }>(
    type: OfferRequestType<P, R>,
    handler: (params: P, token?: CancellationToken) => R | Promise<R>,
  ): void {
    const guarded = guard<[P, CancellationToken | undefined], R | undefined>(type.method, undefined, (params, token) => handler(params, token));
    connection.onRequest(type.method, async (params: P, token?: CancellationToken) => {
      const answer = await guarded(params, token);
      return answer ?? { outcome: 'refused', message: t('The offer language server failed to answer: see its log (Marketplace Offer: Show Output).'), problems: [] };
    });
  }
}

/** The file name of a document's URI ("offer.json"; an untitled document's own name). */
function fileNameOf(uri: string): string {
  const filePath = pathOfFileUri(uri);
  return filePath !== undefined ? path.basename(filePath) : decodeURIComponentSafely(uri.slice(Math.max(uri.lastIndexOf('/'), uri.indexOf(':')) + 1));
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface ConfinedFile {
  /** Changes whenever the file does. */
  stamp: string;
  /** The text, or undefined when it is over the limit or cannot be read. */
  read(): string | undefined;
}

/**
 * An offer file on disk, if it lies inside a workspace folder (links resolved) and is not over
 * the size limit; stat'ed and read by its real path, as the files an offer names are
 * (`core/src/files/confinedFolder.ts`), so that a link swapped in after the check is not followed.
 */
function confinedOfferFile(uri: string, folders: readonly string[], service: OfferLanguageService): ConfinedFile | undefined {
  const offerPath = pathOfFileUri(uri);
  const folder = offerPath !== undefined && isOfferFileName(path.basename(offerPath)) ? workspaceFolderOf(offerPath, folders) : undefined;
  if (offerPath === undefined || folder === undefined) {
    return undefined;
  }
  const fileHost = service.fileHost;
  const confined = new ConfinedFolder(folder, (absolutePath) => fileHost.realPath(absolutePath)).resolveSync(offerPath);
  const stat = confined === undefined ? undefined : fileHost.stat(confined.realPath);
  if (confined === undefined || !stat) {
    return undefined;
  }
  return {
    stamp: `${stat.mtimeMs}:${stat.size}`,
    read: () => {
      if (stat.size > MAX_UNOPENED_OFFER_BYTES) {
        return undefined;
      }
      // A file that grew past the limit since its stat is refused by the read itself.
      const bytes = fileHost.readFile(confined.realPath, MAX_UNOPENED_OFFER_BYTES);
      return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
    },
  };
}
