/**
 * The language server's process: a connection over stdio (or whatever the command line names),
 * given to `startServer` (lsp/startServer.ts), which does everything else.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
const server = startServer(connection, { clientProcessId: clientProcessIdArgument(process.argv) });

// The last line of defence: a promise that fails outside a guarded handler is logged, and Node
// must not end the server for it (its default for an unhandled rejection).
process.on('unhandledRejection', (reason) => {
  server.log.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

connection.listen();

/** `--clientProcessId 123` or `--clientProcessId=123`, as VS Code's client passes it. */
function clientProcessIdArgument(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [flag, value = argv[i + 1]] = argv[i].split('=', 2);
    if (flag === '--clientProcessId') {
      const pid = Number(value);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    }
  }
  return undefined;
}
