import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One keep-alive TCP connection driven by hand, to see what a server does to the connection itself
 * (fetch hides resets and reconnects): each `send` writes raw bytes and reads exactly one response.
 */
export class RawConnection {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #waiting: (() => void) | undefined;
  #ended = false;
  #error: Error | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#waiting?.();
    });
    socket.on('end', () => this.#stop());
    socket.on('close', () => this.#stop());
    socket.on('error', (error) => this.#stop(error));
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) }, () =>
        resolve(new RawConnection(socket)),
      );
      socket.once('error', reject);
    });
  }

  /** Whether the server has closed (or reset) the connection. */
  get closed(): boolean {
    return this.#ended;
  }

  async send(head: string, body?: Buffer): Promise<RawResponse> {
    this.#socket.write(head);
    if (body !== undefined) this.#socket.write(body);
    return this.#readResponse();
  }

  close(): void {
    this.#socket.destroy();
  }

  #stop(error?: Error) {
    this.#ended = true;
    this.#error ??= error;
    this.#waiting?.();
  }

  async #until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.#ended) throw this.#error ?? new Error('connection closed before a full response');
      await new Promise<void>((resolve) => {
        this.#waiting = resolve;
      });
      this.#waiting = undefined;
    }
  }

  async #readResponse(): Promise<RawResponse> {
    await this.#until(() => this.#buffer.includes('\r\n\r\n'));
    const end = this.#buffer.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    this.#buffer = this.#buffer.subarray(end + 4);
    const body =
      headers['transfer-encoding'] === 'chunked'
        ? await this.#chunked()
        : await this.#bytes(Number(headers['content-length'] ?? 0));
    return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
  }

  async #bytes(length: number): Promise<Buffer> {
    await this.#until(() => this.#buffer.length >= length);
    const bytes = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    return bytes;
  }

  async #chunked(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      await this.#until(() => this.#buffer.includes('\r\n'));
      const line = this.#buffer.indexOf('\r\n');
      const size = Number.parseInt(this.#buffer.subarray(0, line).toString('latin1'), 16);
      this.#buffer = this.#buffer.subarray(line + 2);
      const chunk = await this.#bytes(size + 2);
      if (size === 0) return Buffer.concat(parts);
      parts.push(chunk.subarray(0, size));
    }
  }
}
