/**
 * Helpers for the in-editor suite: it runs inside a real VS Code extension host (code-server or
 * @vscode/test-electron) on the test workspace that scripts/e2e/workspace.mjs assembles:
 * `example/` (a copy of examples/contoso-sentinel) beside the offers of test/e2e-workspace/.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'offer-tools.marketplace-offer';
export const LANGUAGE_ID = 'marketplace-offer';

export const ROLE_IDS = {
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
};

/** How long to wait for the language server: its first start in a cold extension host is slow. */
const DIAGNOSTICS_TIMEOUT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the e2e test workspace open as the first folder');
  return folder.uri;
}

export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Activates the extension (it also activates on its own when an offer opens). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

/** Opens a workspace file in an editor, as a user double-clicking it would. */
export async function openOffer(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await activateExtension();
  return editor;
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept` (they arrive asynchronously from the
 * language server); fails with what was last seen.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<readonly vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    if (accept(diagnostics)) {
      return diagnostics;
    }
    if (Date.now() > deadline) {
      assert.fail(`diagnostics of ${vscode.workspace.asRelativePath(uri)} never matched; last seen: ${describeDiagnostics(diagnostics)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => codeOf(d) ?? '');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length === 0
    ? '(none)'
    : diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ');
}

/** The position just inside the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `'${needle}' is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return document.positionAt(index + offset);
}

/** The labels of completion items, whatever form VS Code gives them in. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The plain text of hover contents (markdown or marked strings). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Closes every editor without saving, so that tests do not see each other's open files. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      // Revert unsaved test edits: the next test must find the file as it is on disk.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Figures the suite measured (startup times…): written with the outcomes, printed by the e2e run. */
export const figures: Record<string, number> = {};

export function recordFigure(name: string, value: number): void {
  figures[name] = value;
}
