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

type Reply = { stream: number; batch: Uint8Array } | { stream: number; digests: Digests } | { stream: number; error: string };

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
  batches: ((b: Buffer) => void)[];
  digests?: (d: Digests) => void;
}

/** The one hashing worker, and the streams it hashes. */
export class Hasher {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  start(): void {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.on('message', (m: Reply) => this.reply(m));
    // It must not keep a stopping process alive (after the listener: adding one refs it again).
    this.worker.unref();
  }

  private reply(m: Reply): void {
    const p = this.pending.get(m.stream);
    if (!p) return;
    if ('batch' in m) p.batches.shift()?.(Buffer.from(m.batch.buffer, m.batch.byteOffset, m.batch.byteLength));
    else if ('digests' in m) p.digests?.(m.digests);
  }

  open(): HashStream {
    const id = this.next++;
    this.pending.set(id, { batches: [] });
    return new HashStream(this, id);
  }

  /** Hands the batch to the worker (it leaves this thread) and resolves with it once hashed. */
  hash(stream: number, batch: Buffer, length: number): Promise<Buffer> {
    const p = this.pending.get(stream)!;
    return new Promise((resolve) => {
      p.batches.push(resolve);
      this.worker!.postMessage({ stream, batch, length }, [batch.buffer as ArrayBuffer]);
    });
  }

  end(stream: number): Promise<Digests> {
    const p = this.pending.get(stream)!;
    return new Promise((resolve) => {
      p.digests = (d) => {
        this.pending.delete(stream);
        resolve(d);
      };
      this.worker!.postMessage({ stream, end: true });
    });
  }

  forget(stream: number): void {
    this.pending.delete(stream);
    this.worker?.postMessage({ stream, end: true });
  }

  async stop(): Promise<void> {
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
