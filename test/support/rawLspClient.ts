/**
 * The least an editor does to talk to a language server: spawn a command, write JSON-RPC messages
 * framed by `Content-Length` headers on its stdin, read the same from its stdout. No LSP library,
 * so that a test with it shows what Neovim, Helix or Emacs would get.
 */
import { ChildProcess, spawn } from 'child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawLspClient {
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners: ((message: Message) => void)[] = [];
  readonly notifications: Message[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Splits the byte stream into messages: headers up to a blank line, then Content-Length bytes of JSON. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/^Content-Length: *(\d+)$/im.exec(headers)?.[1]);
      if (!Number.isFinite(length)) {
        throw new Error(`no Content-Length in ${JSON.stringify(headers)}`);
      }
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) {
        return;
      }
      const message = JSON.parse(this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) {
        waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      } else {
        waiter?.resolve(message.result);
      }
    } else if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer what a simple editor answers.
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: unknown[] }).items;
        this.write({ jsonrpc: '2.0', id: message.id, result: items.map(() => null) });
      } else if (message.method === 'client/registerCapability' || message.method === 'window/workDoneProgress/create') {
        this.write({ jsonrpc: '2.0', id: message.id, result: null });
      } else {
        this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `unhandled method ${message.method}` } });
      }
    } else {
      this.notifications.push(message);
      for (const listener of [...this.listeners]) {
        listener(message);
      }
    }
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<R>(method: string, params?: unknown, timeoutMs = 15000): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer to ${method} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`)),
        timeoutMs,
      );
      this.pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as R);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, ...(params !== undefined ? { params } : {}) });
    });
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, ...(params !== undefined ? { params } : {}) });
  }

  /** The next notification `method` that `accept` takes (already received ones count too). */
  waitFor(method: string, accept: (params: unknown) => boolean, timeoutMs = 15000): Promise<unknown> {
    const seen = this.notifications.find((message) => message.method === method && accept(message.params));
    if (seen) {
      return Promise.resolve(seen.params);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      const listener = (message: Message) => {
        if (message.method === method && accept(message.params)) {
          clearTimeout(timer);
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(message.params);
        }
      };
      this.listeners.push(listener);
    });
  }

  /** `shutdown` then `exit`, as the protocol ends a session; resolves with the exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown');
    this.notify('exit');
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) {
      this.child.kill();
    }
  }
}
