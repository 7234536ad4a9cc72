/**
 * How often the language server may be restarted after it died: a few times within a window, so
 * that a server that crashes on one bad file comes back, and one that crashes at every start does
 * not restart forever. The user is told once, on the first restart, and once more if it gives up.
 * No `vscode` here.
 */
export type CrashDecision =
  | { action: 'restart'; tellUser: boolean }
  | { action: 'giveUp' };

export class RestartBudget {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records that the server died at `now` and says what to do. */
  recordCrash(now: number): CrashDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) {
      this.crashes.shift();
    }
    if (this.crashes.length > this.maxRestarts) {
      return { action: 'giveUp' };
    }
    const tellUser = !this.told;
    this.told = true;
    return { action: 'restart', tellUser };
  }
}
