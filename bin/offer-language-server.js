#!/usr/bin/env node
// `offer-language-server`: the bundled language server (dist/server.js) for editors other than
// VS Code. It speaks LSP over stdio: editors start it as is or with --stdio; a transport named on
// the command line (--stdio, --node-ipc, --socket=N, --pipe=NAME) is left to the server to pick.
'use strict';
const path = require('path');

if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg))) {
  process.argv.push('--stdio');
}
require(path.join(__dirname, '..', 'dist', 'server.js'));
