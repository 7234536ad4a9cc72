// @ts-check
/**
 * A test tool, not part of the product: code-server has no `--extensionTestsPath`, so this tiny
 * extension plays that part. When the extension host starts with OFFER_E2E_SUITE (the compiled
 * test/integration/index.js) and OFFER_E2E_RESULTS (where to write the outcomes) in its
 * environment, it runs the suite once; without them it does nothing.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** @param {import('vscode').ExtensionContext} _context */
function activate(_context) {
  const suite = process.env.OFFER_E2E_SUITE;
  const resultsFile = process.env.OFFER_E2E_RESULTS;
  if (!suite || !resultsFile) {
    return;
  }
  // A reloaded window starts a new extension host: the suite runs only once per session.
  const claim = `${resultsFile}.started`;
  try {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  // Run after activate() returns, so that the extension host is not held up by the suite.
  setTimeout(() => {
    Promise.resolve()
      .then(() => require(suite).runSuite(resultsFile))
      .catch((/** @type {unknown} */ error) => {
        // The suite could not even start: report it as one failed test rather than hang the host script.
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        const results = { passed: 0, failed: 1, pending: 0, tests: [{ title: 'in-editor suite start', state: 'failed', error: message }] };
        fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      });
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
