/**
 * The server ends when the editor that started it is gone, whether or not it said goodbye: an
 * editor that crashes or is killed leaves its server running otherwise (one was found spinning
 * 35 minutes after its client exited). The client's process id comes from `initialize`
 * (`processId`) or the command line (`--clientProcessId`). The check runs on a timer, so it needs
 * the event loop: long work yields to it (see validation/steps.ts).
 */

export interface ProcessWatch {
  dispose(): void;
}

export interface ProcessWatchOptions {
  exit(code: number): void;
  isAlive?: (pid: number) => boolean;
  intervalMs?: number;
  /** Told just before `exit`, to say why in the log. */
  onGone?: () => void;
}

const DEFAULT_CLIENT_WATCH_MS = 3000;

export function watchClientProcess(pid: number, options: ProcessWatchOptions): ProcessWatch {
  const isAlive = options.isAlive ?? processIsAlive;
  const timer = setInterval(() => {
    if (!isAlive(pid)) {
      clearInterval(timer);
      options.onGone?.();
      // 1: the client never asked the server to shut down.
      options.exit(1);
    }
  }, options.intervalMs ?? DEFAULT_CLIENT_WATCH_MS);
  // The watch alone keeps no process running: the connection does that.
  timer.unref();
  return { dispose: () => clearInterval(timer) };
}

/** Signal 0 asks whether the process exists; EPERM says it does, as someone else's. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
