// Where image bytes live: a directory (the state dir for `npm start`, a PVC in the Helm chart),
// never etcd. One file per image, named by its id. An upload streams into a private partial file,
// hashing as it goes, and is renamed into place only once complete, so a failed or aborted upload
// leaves no data behind and a reader never sees half an image. Staged data (glance-direct) waits
// under staging/ until its import. Several API replicas need the directory on one shared
// (ReadWriteMany) volume: the rename is atomic there, and any replica can serve any download.
import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Hasher } from './image-data.hash.js';
import { StoreSink } from './image-data.sink.js';

export type DataArea = 'data' | 'staging';
const AREAS: readonly DataArea[] = ['data', 'staging'];

/** What an upload wrote: Glance's size, checksum (md5) and os_hash_value (sha512). */
export interface WrittenData {
  size: number;
  md5: string;
  sha512: string;
}

export { ImageTooLargeError } from './image-data.sink.js';

/** Glance image ids are UUIDs; nothing else may name a file (no path traversal). */
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PARTIAL = '.partial-';
/** A partial file untouched this long belongs to no live upload (a socket idle that long is cut). */
const PARTIAL_GRACE_MS = 10 * 60_000;

/** Whether the file was last written more than ms ago; a file gone meanwhile is not. */
async function olderThan(path: string, ms: number, nowMs: number): Promise<boolean> {
  try {
    return nowMs - (await stat(path)).mtimeMs >= ms;
  } catch {
    return false;
  }
}

function checkedId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`not an image id: ${id}`);
  return id;
}

export class ImageDataStore {
  private readonly hasher = new Hasher();

  constructor(
    private readonly dir: string,
    /** Glance's image_size_cap: 1 TiB by default. */
    readonly maxBytes = 1024 ** 4,
  ) {}

  private areaDir(area: DataArea): string {
    return area === 'data' ? this.dir : join(this.dir, 'staging');
  }

  private path(area: DataArea, id: string): string {
    return join(this.areaDir(area), checkedId(id));
  }

  /**
   * Creates the directories and removes partial files a crash mid-upload left behind: only old
   * ones, since another replica (or the Pod this one replaces) may be writing the young ones.
   */
  async start(nowMs = Date.now()): Promise<void> {
    this.hasher.start();
    await mkdir(this.areaDir('staging'), { recursive: true, mode: 0o700 });
    for (const area of AREAS.map((a) => this.areaDir(a))) {
      for (const name of await readdir(area)) {
        if (name.includes(PARTIAL) && (await olderThan(join(area, name), PARTIAL_GRACE_MS, nowMs))) await rm(join(area, name), { force: true });
      }
    }
  }

  /** Streams `source` into the area under `id`, replacing what was there only once it is complete. */
  async write(area: DataArea, id: string, source: Readable): Promise<WrittenData> {
    const final = this.path(area, id);
    const partial = `${final}${PARTIAL}${randomBytes(6).toString('hex')}`;
    const file = await open(partial, 'wx', 0o600);
    const hashes = this.hasher.open();
    const sink = new StoreSink(file, hashes, this.maxBytes);
    try {
      await pipeline(source, sink);
      const digests = await hashes.finish();
      // On disk before it is renamed into place: after a crash the image's file is whole or absent.
      await file.sync();
      await file.close();
      await rename(partial, final);
      return { size: sink.size, ...digests };
    } catch (err) {
      hashes.abandon();
      await file.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.hasher.stop();
  }

  /** Moves staged data into place (glance-direct's import); false when nothing was staged. */
  async promote(id: string): Promise<boolean> {
    try {
      await rename(this.path('staging', id), this.path('data', id));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /** The stored bytes and their length, or undefined when the image has none. */
  async open(id: string): Promise<{ stream: ReadStream; size: number } | undefined> {
    try {
      const { size } = await stat(this.path('data', id));
      return { stream: createReadStream(this.path('data', id)), size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async has(area: DataArea, id: string): Promise<boolean> {
    return stat(this.path(area, id)).then(() => true, () => false);
  }

  /** Removes an image's data and anything staged for it; absent files (and names no image has) are fine. */
  async remove(id: string): Promise<void> {
    if (!ID_PATTERN.test(id)) return;
    await rm(this.path('data', id), { force: true });
    await rm(this.path('staging', id), { force: true });
  }

  /**
   * Removes data whose image is gone (a crash between deleting an image and its bytes). Only files
   * older than `graceMs`: another replica may have just written data for an image this one's
   * cache has not seen yet. Returns how many went.
   */
  async sweep(imageExists: (id: string) => boolean, graceMs: number, nowMs = Date.now()): Promise<number> {
    let removed = 0;
    for (const dir of AREAS.map((a) => this.areaDir(a))) {
      for (const id of (await readdir(dir)).filter((n) => ID_PATTERN.test(n))) {
        if (imageExists(id) || !(await olderThan(join(dir, id), graceMs, nowMs))) continue;
        await rm(join(dir, id), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
