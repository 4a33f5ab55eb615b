// Where an upload's bytes go: regrouped into batches, each one hashed (by the worker, in order)
// and then written at its place in the file, several batches at once. A fixed set of DEPTH
// batches is reused, so an upload of any size holds DEPTH MiB at most, and the socket is read only
// as fast as the slower of the hashes and the disk.
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { HashStream } from './image-data.hash.js';

const BATCH_BYTES = 1024 * 1024;
const DEPTH = 4;

/** The upload went past the store's size cap (Glance's image_size_cap). */
export class ImageTooLargeError extends Error {}

export class StoreSink extends Writable {
  size = 0;
  private readonly free: Buffer[] = [];
  private allocated = 0;
  private current?: Buffer;
  private filled = 0;
  private position = 0;
  private readonly jobs = new Set<Promise<void>>();
  private waiters: (() => void)[] = [];
  private failure?: Error;

  constructor(
    private readonly file: FileHandle,
    private readonly hashes: HashStream,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new ImageTooLargeError(`image data exceeds ${this.maxBytes} bytes`));
    this.fill(chunk).then(() => done(), done);
  }

  override _final(done: (err?: Error | null) => void): void {
    const last = this.filled > 0 ? this.dispatch() : Promise.resolve();
    last.then(() => Promise.all(this.jobs)).then(() => done(this.failure), done);
  }

  private async fill(chunk: Buffer): Promise<void> {
    for (let offset = 0; offset < chunk.length; ) {
      this.current ??= await this.acquire();
      const n = chunk.copy(this.current, this.filled, offset);
      this.filled += n;
      offset += n;
      if (this.filled === BATCH_BYTES) await this.dispatch();
    }
  }

  /** Sends the current batch on its way (hash, then write) and frees the slot for the next. */
  private async dispatch(): Promise<void> {
    if (this.failure) throw this.failure;
    const [batch, length, position] = [this.current!, this.filled, this.position];
    this.current = undefined;
    this.filled = 0;
    this.position += length;
    const job = this.hashes
      .hash(batch, length)
      .then((back) => this.writeAt(back, length, position))
      .catch((err: Error) => this.fail(err))
      .finally(() => this.jobs.delete(job));
    this.jobs.add(job);
  }

  /** The first failure ends the upload: every writer waiting for a batch wakes up to see it. */
  private fail(err: Error): void {
    this.failure ??= err;
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async writeAt(batch: Buffer, length: number, position: number): Promise<void> {
    for (let done = 0; done < length; ) done += (await this.file.write(batch, done, length - done, position + done)).bytesWritten;
    this.free.push(batch);
    this.waiters.shift()?.();
  }

  private async acquire(): Promise<Buffer> {
    while (!this.free.length && this.allocated >= DEPTH) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure) throw this.failure;
    if (this.free.length) return this.free.pop()!;
    this.allocated++;
    // Each batch its own ArrayBuffer: it is transferred to the hashing worker and back.
    return Buffer.allocUnsafeSlow(BATCH_BYTES);
  }
}
