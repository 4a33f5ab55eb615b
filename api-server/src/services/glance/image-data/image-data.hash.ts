// Hashing image bytes as they stream past. Glance wants two digests of every upload (md5 for
// `checksum`, sha512 for `os_hash_value`); hashing both on the event loop, beside the socket and
// the file writes, halves the upload rate. So one worker thread, started with the store, hashes
// for every upload while the event loop moves bytes. Batches are transferred to it and back (never
// copied), in order, so the digests see the bytes in order; the caller writes a batch to the file
// once it is back, and reuses it.
import { Worker } from 'node:worker_threads';

export interface Digests {
  md5: string;
  sha512: string;
}

type Reply = { stream: number; batch: Uint8Array } | { stream: number; digests: Digests };

interface Waiting<T> {
  resolve: (v: T) => void;
  reject: (err: Error) => void;
}

// CommonJS source for an eval worker: no file to resolve, the same under tsx and from dist/.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const streams = new Map();
parentPort.on('message', ({ stream, batch, length, end }) => {
  let h = streams.get(stream);
  if (!h) streams.set(stream, (h = { md5: createHash('md5'), sha512: createHash('sha512') }));
  if (end) {
    streams.delete(stream);
    return parentPort.postMessage({ stream, digests: { md5: h.md5.digest('hex'), sha512: h.sha512.digest('hex') } });
  }
  const bytes = batch.subarray(0, length);
  h.md5.update(bytes);
  h.sha512.update(bytes);
  parentPort.postMessage({ stream, batch }, [batch.buffer]);
});
`;

interface Pending {
  batches: Waiting<Buffer>[];
  digests?: Waiting<Digests>;
}

/** The one hashing worker, and the streams it hashes. */
export class Hasher {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  private stopping = false;

  start(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (m: Reply) => this.reply(m));
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', (code) => this.lost(worker, new Error(`the hashing worker exited (${code})`)));
    // It must not keep a stopping process alive (after the listeners: adding one refs it again).
    worker.unref();
    this.worker = worker;
  }

  /** A dead worker fails the uploads it was hashing (their bytes are lost to it); a new one serves the next. */
  private lost(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const p of this.pending.values()) {
      for (const w of p.batches.splice(0)) w.reject(err);
      p.digests?.reject(err);
    }
    this.pending.clear();
    if (!this.stopping) this.start();
  }

  private reply(m: Reply): void {
    const p = this.pending.get(m.stream);
    if (!p) return;
    if ('batch' in m) p.batches.shift()?.resolve(Buffer.from(m.batch.buffer, m.batch.byteOffset, m.batch.byteLength));
    else p.digests?.resolve(m.digests);
  }

  private live(stream: number): { worker: Worker; pending: Pending } {
    const pending = this.pending.get(stream);
    if (!this.worker || !pending) throw new Error('the hashing worker was lost during this upload');
    return { worker: this.worker, pending };
  }

  open(): HashStream {
    const id = this.next++;
    this.pending.set(id, { batches: [] });
    return new HashStream(this, id);
  }

  /** Hands the batch to the worker (it leaves this thread) and resolves with it once hashed. */
  hash(stream: number, batch: Buffer, length: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const { worker, pending } = this.live(stream);
      pending.batches.push({ resolve, reject });
      worker.postMessage({ stream, batch, length }, [batch.buffer as ArrayBuffer]);
    });
  }

  end(stream: number): Promise<Digests> {
    return new Promise((resolve, reject) => {
      const { worker, pending } = this.live(stream);
      pending.digests = {
        resolve: (d) => {
          this.pending.delete(stream);
          resolve(d);
        },
        reject,
      };
      worker.postMessage({ stream, end: true });
    });
  }

  forget(stream: number): void {
    this.pending.delete(stream);
    this.worker?.postMessage({ stream, end: true });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker?.terminate();
  }
}

/** One upload's digests. */
export class HashStream {
  constructor(
    private readonly hasher: Hasher,
    private readonly id: number,
  ) {}

  hash(batch: Buffer, length: number): Promise<Buffer> {
    return this.hasher.hash(this.id, batch, length);
  }

  finish(): Promise<Digests> {
    return this.hasher.end(this.id);
  }

  abandon(): void {
    this.hasher.forget(this.id);
  }
}
