/**
 * Every LSP handler goes through a guard: a broken or hostile offer must never take the server
 * down, so an exception becomes a logged error and the handler's empty answer.
 */

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
      try {
        return await handler(...params);
      } catch (error) {
        // An error's message may carry a value of the offer: the log never shows a secret either.
        logger.error(redactSecrets(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        return fallback;
      }
    };
}
