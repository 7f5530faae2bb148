// The benchmarks' HTTP client: HTTP/1.1 POSTs written straight on kept-alive TCP sockets, one request
// at a time per socket, answers read by their Content-Length. The load generator shares the two
// cores with the server and PostgreSQL; node:http's client (its parser, streams and agent
// bookkeeping) cost it 0.6–1 ms per sign-in there, taken from what is measured. This is the part of
// wrk the benchmarks need, in a few dozen lines.
import { connect } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

class Connection {
  constructor(host, port, localAddress) {
    this.socket = connect({ host, port, localAddress, noDelay: true });
    this.pending = undefined;
    this.buffer = undefined;
    this.socket.on('data', (chunk) => this.received(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  send(head, body) {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, headerLength: -1, bodyLength: -1, close: false };
      this.buffer = undefined;
      this.socket.write(head + body);
    });
  }

  received(chunk) {
    const pending = this.pending;
    if (!pending) return;
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (pending.headerLength < 0) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      if (!length) return this.fail(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`));
      pending.headerLength = end + HEADER_END.length;
      pending.bodyLength = Number(length[1]);
      pending.close = /\r\nconnection: *close/i.test(head);
    }
    if (this.buffer.length < pending.headerLength + pending.bodyLength) return;
    const text = this.buffer.toString('utf8', pending.headerLength, pending.headerLength + pending.bodyLength);
    this.pending = undefined;
    this.buffer = undefined;
    if (pending.close) this.socket.destroy();
    pending.resolve({ text, reusable: !pending.close });
  }

  fail(error) {
    const pending = this.pending;
    this.pending = undefined;
    this.dead = true;
    pending?.reject(error);
  }
}

/**
 * A pool of connections to one origin: as many as requests in flight, reused afterwards. With
 * `localAddress` (e.g. 127.0.0.7), its sockets leave from that address: the server sees another client.
 */
export class RawHttpClient {
  constructor(origin, localAddress = undefined) {
    const url = new URL(origin);
    this.localAddress = localAddress;
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.hostHeader = url.host;
    this.idle = [];
  }

  /** POSTs `body` (a JSON text) to `path`; resolves with the answer's text. */
  async post(path, body, headers = {}) {
    let head = `POST ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    head += '\r\n';
    let connection = this.idle.pop();
    while (connection?.dead) connection = this.idle.pop();
    connection ??= new Connection(this.host, this.port, this.localAddress);
    connection.socket.ref();
    const { text, reusable } = await connection.send(head, body);
    if (reusable && !connection.dead) {
      // An idle connection does not keep the benchmark's process alive.
      connection.socket.unref();
      this.idle.push(connection);
    }
    return text;
  }

  close() {
    for (const connection of this.idle) connection.socket.destroy();
    this.idle = [];
  }
}
