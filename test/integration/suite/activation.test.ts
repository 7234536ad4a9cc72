/**
 * Startup figures of the extension in a real editor: how long activation takes, and how long
 * after it the plans tree shows its first row and an offer gets its first diagnostics, with the
 * moments they depend on (the server running, the offer opened, the view shown: this test opens
 * the offer and shows the view as soon as it can). All are counted from the first line of the
 * extension's code (`client/src/startupTimings.ts`). The suite records them (`recordFigure`) and
 * the e2e run prints them; they are measurements, not limits. This file runs first (by name).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { StartupFigures } from '../../../client/src/startupTimings';
import { activateExtension, openOffer, recordFigure } from '../support';

describe('Startup', () => {
  it('shows the first tree row and the first diagnostics, and reports when', async () => {
    // An offer with problems: a clean one gets no diagnostics to time.
    await openOffer('broken/offer.json');
    const extension = await activateExtension();
    const startup = (extension.exports as { startup?: StartupFigures } | undefined)?.startup;
    assert.ok(startup, 'activate() exports its startup figures');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (startup.firstTreeRowMs === undefined || startup.firstDiagnosticsMs === undefined)) {
      // The view appears once the extension knows of an offer; show it, as a user opening it would.
      await Promise.resolve(vscode.commands.executeCommand('marketplaceOffer.plans.focus')).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(startup.activatedMs !== undefined, 'activation ended');
    assert.ok(startup.firstTreeRowMs !== undefined, `the plans tree showed a row: ${JSON.stringify(startup)}`);
    assert.ok(startup.firstDiagnosticsMs !== undefined, `an offer got diagnostics: ${JSON.stringify(startup)}`);
    recordFigure('activation (ms)', startup.activatedMs);
    recordFigure('activation → server running (ms)', startup.serverRunningMs ?? NaN);
    recordFigure('activation → first offer opened (ms)', startup.firstOfferOpenedMs ?? NaN);
    recordFigure('activation → first diagnostics (ms)', startup.firstDiagnosticsMs);
    recordFigure('activation → plans view shown (ms)', startup.treeShownMs ?? NaN);
    recordFigure('activation → first tree row (ms)', startup.firstTreeRowMs);
  });
});
