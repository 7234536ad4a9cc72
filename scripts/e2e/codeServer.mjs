// code-server 4.99.4 (= VS Code 1.99.3): installed once into a cache outside the clone by
// install-code-server.sh, then used here to install .vsix files and serve the workbench.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './workspace.mjs';
import { runToEnd, startGroup, waitForHttp } from './processes.mjs';

/** Installs code-server if the cache lacks it; returns the path of its entry script. */
export async function ensureCodeServer() {
  const output = await runToEnd('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install-code-server.sh')], { quiet: true });
  const installDir = output.trim().split('\n').pop();
  const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not where the installer said: ${entry}`);
  }
  return entry;
}

/** The folders of one code-server session, all inside the run's own temporary folder. */
export function sessionFolders(runDir) {
  const folders = { data: path.join(runDir, 'data'), extensions: path.join(runDir, 'extensions') };
  fs.mkdirSync(path.join(folders.data, 'User'), { recursive: true });
  fs.mkdirSync(folders.extensions, { recursive: true });
  // A quiet workbench: no welcome page, no trust prompt, no update or telemetry traffic, and
  // hovers quick enough for the UI checks.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'files.autoSave': 'off',
    'editor.hover.delay': 200,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
  };
  fs.writeFileSync(path.join(folders.data, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return folders;
}

/**
 * A second profile, whose display language is Korean, sharing the first one's extensions.
 * code-server can't download Microsoft's Korean language pack here (no marketplace), and VS Code
 * takes a display language only when a language pack for it is registered (languagepacks.json in
 * the profile). So this registers one that translates none of VS Code's own strings: the
 * workbench's menus stay English, and VS Code reports ko as its language (vscode.env.language),
 * which is what the extension's messages, its manifest's strings and its language server follow.
 * Started with `--locale ko` (startCodeServer's `args`) and KOREAN_SESSION_ENV.
 */
export function koreanSessionFolders(runDir, extensions) {
  const folders = { data: path.join(runDir, 'data-ko'), extensions };
  fs.mkdirSync(path.join(folders.data, 'User'), { recursive: true });
  fs.copyFileSync(path.join(runDir, 'data', 'User', 'settings.json'), path.join(folders.data, 'User', 'settings.json'));
  const translations = path.join(folders.data, 'vscode-ko-untranslated.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  // The workbench reads the pack's extension id (and fails to scan the user's extensions without one).
  const pack = { extensionIdentifier: { id: 'offer-e2e.korean-display-language' }, version: '1.0.0' };
  const languagePacks = { ko: { hash: 'offer-e2e-ko', extensions: [pack], translations: { vscode: translations }, label: '한국어' } };
  fs.writeFileSync(path.join(folders.data, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
  return folders;
}

/**
 * The workbench looks its language pack up in the extension gallery: pointed at a closed port on
 * this machine, the lookup fails at once instead of reaching for a host on the internet.
 */
export const KOREAN_SESSION_ENV = { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }) };

export async function installExtension(entry, folders, vsix) {
  await runToEnd(
    process.execPath,
    [entry, '--user-data-dir', folders.data, '--extensions-dir', folders.extensions, '--install-extension', vsix],
    { quiet: true },
  );
}

/** Starts code-server on `port` serving `workspace`; resolves with its child once it answers. */
export async function startCodeServer(entry, folders, { port, workspace, env, logFile, args = [] }) {
  const child = startGroup(
    process.execPath,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', folders.data,
      '--extensions-dir', folders.extensions,
      ...args,
      workspace,
    ],
    { env, logFile },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => !exited);
  return child;
}
