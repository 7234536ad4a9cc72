/**
 * Every LSP handler goes through a guard: a broken or hostile offer must never take the server
 * down, so an exception becomes a logged error and the handler's empty answer. A request that was
 * cancelled (`$/cancelRequest`, before it started or while its work yielded) is answered with
 * `RequestCancelled` instead, and one whose document changed under it with `ServerCancelled`, so
 * that the client asks again for the new version.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { WorkAbandoned, type CancellationToken } from '../validation/steps';

import { redactSecrets } from '@core/text/secrets';

/** Where a guard reports what failed (the connection's console in the server). */
export interface GuardLogger {
  error(message: string): void;
}

export type Guard = <P extends unknown[], R>(
  name: string,
  fallback: R,
  handler: (...params: P) => R | Promise<R>,
) => (...params: P) => Promise<R>;

/** A guard that logs to `logger`. */
export function createGuard(logger: GuardLogger): Guard {
  return <P extends unknown[], R>(name: string, fallback: R, handler: (...params: P) => R | Promise<R>) =>
    async (...params: P): Promise<R> => {
      // A request's handler gets (params, token, …); a notification's has no token.
      const token = params.find(isCancellationToken);
      try {
        throwIfCancelled(token);
        const result = await handler(...params);
        throwIfCancelled(token);
        return result;
      } catch (error) {
        if (error instanceof ResponseError) {
          throw error;
        }
        if (error instanceof WorkAbandoned) {
          throw asResponseError(error);
        }
        // An error's message may carry a value of the offer: the log never shows a secret either.
        logger.error(redactSecrets(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        return fallback;
      }
    };
}

/**
 * A guarded handler as a notification's handler: the client expects no answer, so none is given.
 * A guarded handler rejects only for work that was cancelled or overtaken (its failures are logged
 * and answered by the fallback), and for a notification there is no one to tell.
 */
export function asNotificationHandler<P extends unknown[]>(guarded: (...params: P) => Promise<unknown>): (...params: P) => void {
  return (...params) => {
    guarded(...params).catch(() => undefined);
  };
}

function isCancellationToken(value: unknown): value is CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as CancellationToken).isCancellationRequested === 'boolean';
}

function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) {
    throw new WorkAbandoned('cancelled');
  }
}

/** What the client is told about work it no longer needs, or that was overtaken by an edit. */
function asResponseError(abandoned: WorkAbandoned): ResponseError<unknown> {
  return abandoned.reason === 'cancelled'
    ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.')
    : new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was being checked.', { retriggerRequest: true });
}
