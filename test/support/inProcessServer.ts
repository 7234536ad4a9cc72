/**
 * The language server in the test's own process: `startServer` on a connection over in-memory
 * streams. The connection is made with a watchdog of its own, so that an `exit` notification or a
 * client process that is gone ends this server (its `exit` is recorded) and never the test run.
 */
import { PassThrough } from 'stream';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createConnection, type WatchDog } from 'vscode-languageserver/lib/common/server';
import { startServer, type RunningServer, type ServerOptions } from '../../server/src/lsp/startServer';

export class InProcessServer {
  readonly clientReader: StreamMessageReader;
  readonly clientWriter: StreamMessageWriter;
  /** The exit code the server asked for, once it did. */
  exitCode: number | undefined;
  readonly exited: Promise<number | null>;
  private readonly running: RunningServer;
  private readonly streams: PassThrough[];
  private readonly disconnect: () => void;

  constructor(options: ServerOptions = {}) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.streams = [toServer, toClient];
    this.clientReader = new StreamMessageReader(toClient);
    this.clientWriter = new StreamMessageWriter(toServer);
    let resolveExit: (code: number) => void = () => undefined;
    this.exited = new Promise((resolve) => (resolveExit = resolve));
    // A real server's process ends here; this one only records it (the test then stops it), so
    // that what it was still writing (its last log line) is not cut off mid-message.
    const exit = (code: number) => {
      if (this.exitCode === undefined) {
        this.exitCode = code;
        resolveExit(code);
      }
    };
    let shutdownReceived = false;
    const watchDog: WatchDog = {
      get shutdownReceived() {
        return shutdownReceived;
      },
      set shutdownReceived(value: boolean) {
        shutdownReceived = value;
      },
      initialize: () => undefined, // the client process is watched by startServer itself
      exit,
    };
    const connection = createConnection(
      (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
      watchDog,
      ProposedFeatures.all,
    );
    this.running = startServer(connection, { ...options, exit: options.exit ?? exit });
    connection.listen();
    this.disconnect = () => connection.dispose();
  }

  get service() {
    return this.running.service;
  }

  /** Ends the server: its watch, its connection and the streams. */
  dispose(): void {
    this.running.dispose();
    this.disconnect();
    this.streams.forEach((stream) => stream.destroy());
  }
}
