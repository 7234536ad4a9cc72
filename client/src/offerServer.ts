/**
 * The extension's side of the custom requests (`@core/protocol`): everything the tree, the
 * preview, the status bar and the commands know about an offer comes from the language server,
 * which parses and checks each version once. Requests made before the server runs wait for it;
 * when it cannot answer (not started, stopped, restarting), the answer is `undefined` and the
 * views show what they had.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import type { OfferRequestType } from '@core/protocol';
import { markStartup } from './startupTimings';

export class OfferServer implements vscode.Disposable {
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires each time the server is (again) running: what was asked before may have changed. */
  readonly onDidStart = this.started.event;
  private readonly subscriptions: vscode.Disposable[] = [this.started];

  constructor(readonly client: LanguageClient) {
    this.subscriptions.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          markStartup('serverRunningMs');
          this.started.fire();
        }
      }),
    );
  }

  /** Starts the server; a failure is shown once, and requests then answer `undefined`. */
  start(): Promise<void> {
    return this.client.start().catch((error: unknown) => {
      // The commands still work without the server; say why the checks and views are missing.
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The offer language server could not start: {0}', error instanceof Error ? error.message : String(error)),
      );
    });
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  /** The server's answer, or `undefined` when it could not give one (the failure is logged). */
  async request<P, R>(type: OfferRequestType<P, R>, params: P): Promise<R | undefined> {
    try {
      return await this.client.sendRequest(type.method, params);
    } catch (error) {
      this.client.outputChannel.appendLine(`[${new Date().toISOString()}] ${type.method}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /**
   * A request about an open offer's current version. Right after an editor opened or changed it,
   * the server may not have caught up (`behind` says so of an answer: null when it does not have
   * the document yet, `stale` or an older version when it has not had the latest change): asked
   * again, with waits doubling from 50 ms to 800 ms, while `stillWanted`. The last answer is
   * returned (undefined: the server did not answer).
   */
  async requestCaughtUp<P, R>(type: OfferRequestType<P, R>, params: P, behind: (answer: R) => boolean, stillWanted: () => boolean): Promise<R | undefined> {
    for (let wait = 50; ; wait *= 2) {
      const answer = await this.request(type, params);
      if (answer === undefined || !behind(answer) || wait > 800 || !stillWanted()) {
        return answer;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** A request about an open offer, asked again while the server does not have it yet (null). */
  requestAbout<P, R>(type: OfferRequestType<P, R | null>, params: P, isOpenHere: () => boolean): Promise<R | null | undefined> {
    return this.requestCaughtUp(type, params, (answer) => answer === null, isOpenHere);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}

/** Says that a command got no answer: the server is not running. */
export function showServerNotRunning(): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('The offer language server is not running.'));
}

/** Says that the server has not caught up with the offer a command is about. */
export function showOfferNotReadYet(): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('The offer language server has not read this offer yet; try again in a moment.'));
}
