/**
 * When the extension started and when it first showed something, for the e2e run to print (a
 * measurement, not a feature). extension.ts imports this module first, so that its clock starts
 * before the other modules of the bundle are evaluated.
 */
const origin = performance.now();

export interface StartupFigures {
  /** From the start of loading to the end of `activate()`. */
  activatedMs?: number;
  /** From the start of loading to the language server running (initialized). */
  serverRunningMs?: number;
  /** From the start of loading to the plans view first shown. */
  treeShownMs?: number;
  /** From the start of loading to the first row the plans tree gave VS Code. */
  firstTreeRowMs?: number;
  /** From the start of loading to the first offer open in the editor. */
  firstOfferOpenedMs?: number;
  /** From the start of loading to the first diagnostics of an offer. */
  firstDiagnosticsMs?: number;
}

export const startupFigures: StartupFigures = {};

/** Records the first time something happened; later times are ignored. */
export function markStartup(name: keyof StartupFigures): void {
  startupFigures[name] ??= Math.round(performance.now() - origin);
}
