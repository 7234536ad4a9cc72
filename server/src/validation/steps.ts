/**
 * Long work written once, run two ways. A check of a large offer is a sequence of steps (each rule,
 * the schema, each round of fix-all), written as a generator that yields between them:
 *
 * - `runToEnd` runs every step at once: the checker and the tests, which have nothing else to do;
 * - `runYielding` gives the event loop a turn between steps once a slice of time is spent, and
 *   stops at the next step when its answer is no longer wanted. The server runs it: a
 *   `$/cancelRequest`, a newer keystroke, a hover and the parent-process watchdog are all handled
 *   while a long check is under way, instead of after it.
 */
import { performance } from 'perf_hooks';

/** What a step asks before going on: whether anyone still wants the answer (LSP's token fits). */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Thrown by `runYielding` when the work was abandoned (cancelled, or its document superseded). */
export class WorkAbandoned extends Error {
  constructor(readonly reason: 'cancelled' | 'superseded') {
    super(`work abandoned: ${reason}`);
  }
}

export type Steps<T> = Generator<void, T, void>;

/** Runs every step and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
  }
}

export interface YieldOptions {
  token?: CancellationToken;
  /** True when what the work is about has changed (a newer version of its document). */
  superseded?: () => boolean;
  /** How long to work before giving the event loop a turn. */
  sliceMs?: number;
}

/** Long enough that yielding costs nothing measurable, short enough that a hover barely waits. */
const DEFAULT_SLICE_MS = 10;

/** Runs the steps, yielding to the event loop every `sliceMs`; throws WorkAbandoned when told to stop. */
export async function runYielding<T>(steps: Steps<T>, options: YieldOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  let sliceStart = performance.now();
  for (;;) {
    abandonIfUnwanted(options);
    const next = steps.next();
    if (next.done) {
      return next.value;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      await turnOfEventLoop();
      sliceStart = performance.now();
    }
  }
}

function abandonIfUnwanted({ token, superseded }: YieldOptions): void {
  if (token?.isCancellationRequested) {
    throw new WorkAbandoned('cancelled');
  }
  if (superseded?.()) {
    throw new WorkAbandoned('superseded');
  }
}

/** setImmediate runs after the I/O callbacks: messages that arrived meanwhile are read first. */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
