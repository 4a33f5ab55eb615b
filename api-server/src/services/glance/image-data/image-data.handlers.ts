// Image data: upload (PUT /file), download (GET /file), and interoperable import's glance-direct
// (PUT /stage, then POST /import). Bytes stream between the socket and the store; the image's
// status moves under its resourceVersion, so two uploads racing for one queued image cannot both
// win: queued → saving → active, or back to queued with no data when the upload fails.
import type { Static } from '@sinclair/typebox';
import type { Readable } from 'node:stream';
import type { Image } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { mediaTypeOf } from '../../../common/body.js';
import { ApiError, badRequest, conflict, forbidden } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findImage, findOwnImage } from '../images/images.access.js';
import { ImageTooLargeError, type DataArea, type ImageDataStore, type WrittenData } from './image-data.store.js';
import type { importImageBody } from './image-data.schema.js';

type ImageStatus = NonNullable<Image['status']>;
type StatusName = NonNullable<ImageStatus['status']>;

/** The import methods this cloud offers (Glance's enabled_import_methods). */
export const IMPORT_METHODS = ['glance-direct'];

function statusOf(image: Image): StatusName {
  return image.status?.status ?? 'queued';
}

/** Glance refuses data for an image whose formats are not set yet. */
function checkFormats(image: Image): void {
  if (!image.spec.diskFormat || !image.spec.containerFormat) throw badRequest('Properties disk_format, container_format must be set prior to saving data.');
}

function checkOctetStream(ctx: RouteContext<undefined, object>): void {
  const type = mediaTypeOf(ctx.req);
  if (type !== 'application/octet-stream') throw new ApiError(415, `Unsupported Content-Type ${type || '(none)'}; image data is application/octet-stream.`);
}

interface Move {
  from: StatusName[];
  to: StatusName;
  /** Data fields written with the status (hashes, staged data). */
  extra?: Partial<ImageStatus>;
}

/** What the data handlers work on: the image CRs and the bytes. */
export interface DataDeps {
  stores: Stores;
  data: ImageDataStore;
}

/** Moves the image from one of `from` to `to`; a 409 from any other status (another upload won). */
async function transition(stores: Stores, id: string, { from, to, extra = {} }: Move): Promise<Image> {
  const moved = await stores.images.updateStatus(id, undefined, (current) => {
    const status = statusOf(current);
    if (!from.includes(status)) throw conflict(`Image status transition from ${status} to ${to} is not allowed`);
    return { ...current, status: { ...current.status, ...extra, status: to, dataUpdatedAt: new Date().toISOString() } };
  });
  if (!moved) throw new ApiError(410, `Image ${id} could not be found after upload. The image may have been deleted during the upload.`);
  return moved;
}

/** A Content-MD5 the client sent (base64, as RFC 1864 says, or hex) must match what arrived. */
function checkContentMd5(header: string | undefined, written: WrittenData): void {
  if (!header) return;
  const hex = /^[0-9a-f]{32}$/i.test(header) ? header.toLowerCase() : Buffer.from(header, 'base64').toString('hex');
  if (hex !== written.md5) throw badRequest(`Checksum verification failed: the data's md5 is ${written.md5}, Content-MD5 said ${hex}.`);
}

function uploadError(err: unknown): unknown {
  if (err instanceof ApiError) return err;
  if (err instanceof ImageTooLargeError) return new ApiError(413, `Image exceeds the storage quota: ${err.message}.`);
  if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return new ApiError(413, 'Image storage media is full.');
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED') return badRequest('The upload was interrupted before all the data arrived.');
  return err;
}

/**
 * Streams the request body into the area, after claiming the image (queued → `during`). On any
 * failure the bytes are removed and the image goes back to queued, as Glance does.
 */
async function receive({ stores, data }: DataDeps, ctx: RouteContext<undefined, object>, area: DataArea, during: StatusName): Promise<WrittenData> {
  const id = ctx.params.imageId;
  await transition(stores, id, { from: ['queued'], to: during });
  try {
    const written = await data.write(area, id, ctx.req);
    checkContentMd5(ctx.req.get('content-md5'), written);
    return written;
  } catch (err) {
    // Back to queued first: whatever happens to the bytes, the image must not stay claimed.
    await transition(stores, id, { from: [during], to: 'queued' }).catch(() => undefined);
    await data.remove(id).catch(() => undefined);
    throw uploadError(err);
  }
}

/** After the bytes: the image is active with their hashes, or (deleted meanwhile) the bytes go. */
async function activate({ stores, data }: DataDeps, id: string, from: StatusName, written: WrittenData): Promise<void> {
  const hashes = { size: written.size, checksum: written.md5, osHashAlgo: 'sha512', osHashValue: written.sha512, virtualSize: null };
  try {
    await transition(stores, id, { from: [from], to: 'active', extra: { ...hashes, staged: undefined } });
  } catch (err) {
    await data.remove(id);
    throw err;
  }
}

/**
 * Fills a queued image from a stream that is not a request (Cinder's os-volume_upload_image): the
 * same claim, write, hash and activation as an upload, undone the same way on failure.
 */
export async function ingestImageData(deps: DataDeps, id: string, source: Readable): Promise<void> {
  await transition(deps.stores, id, { from: ['queued'], to: 'saving' });
  let written: WrittenData;
  try {
    written = await deps.data.write('data', id, source);
  } catch (err) {
    await transition(deps.stores, id, { from: ['saving'], to: 'queued' }).catch(() => undefined);
    await deps.data.remove(id).catch(() => undefined);
    throw uploadError(err);
  }
  await activate(deps, id, 'saving', written);
}

export function uploadImageDataHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    checkFormats(findOwnImage(stores.images, ctx.auth, ctx.params.imageId, 'upload data to'));
    checkOctetStream(ctx);
    const written = await receive({ stores, data }, ctx, 'data', 'saving');
    await activate({ stores, data }, ctx.params.imageId, 'saving', written);
    return {};
  };
}

export function stageImageDataHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    checkFormats(findOwnImage(stores.images, ctx.auth, ctx.params.imageId, 'stage data for'));
    checkOctetStream(ctx);
    const written = await receive({ stores, data }, ctx, 'staging', 'uploading');
    // Staged bytes wait, with their hashes, for the import that makes them the image's data.
    const staged = { size: written.size, checksum: written.md5, osHashValue: written.sha512 };
    await transition(stores, ctx.params.imageId, { from: ['uploading'], to: 'uploading', extra: { staged } });
    return {};
  };
}

export function importImageHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<Static<typeof importImageBody>, object>): Promise<RouteResult> => {
    const method = ctx.body.method.name;
    if (!IMPORT_METHODS.includes(method)) {
      throw badRequest(`Import method ${method} is not enabled here: ${method === 'web-download' || method === 'glance-download' ? 'the simulator has no outbound network' : `use ${IMPORT_METHODS.join(', ')}`}.`);
    }
    const id = ctx.params.imageId;
    const image = findOwnImage(stores.images, ctx.auth, id, 'import');
    const staged = image.status?.staged;
    if (statusOf(image) !== 'uploading' || !staged) throw conflict(`Image status transition from ${statusOf(image)} to importing is not allowed: stage the data first.`);
    await transition(stores, id, { from: ['uploading'], to: 'importing' });
    const promoted = await data.promote(id).catch(() => false);
    if (!promoted) {
      await transition(stores, id, { from: ['importing'], to: 'queued', extra: { staged: undefined } });
      throw conflict(`The staged data of image ${id} could not be imported; stage it again.`);
    }
    await activate({ stores, data }, id, 'importing', { size: staged.size, md5: staged.checksum, sha512: staged.osHashValue });
    return {};
  };
}

export function downloadImageDataHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const image = findImage(stores.images, ctx.auth, ctx.params.imageId);
    const status = statusOf(image);
    if (status === 'deactivated' && !ctx.auth.isAdmin) throw forbidden('The requested image has been deactivated. Image data download is forbidden.');
    const stored = status === 'active' || status === 'deactivated' ? await data.open(image.metadata.name) : undefined;
    // No data (queued, or a seeded image whose servers run a container image): 204, as Glance.
    if (!stored) return { status: 204 };
    const md5: Record<string, string> = image.status?.checksum ? { 'Content-MD5': image.status.checksum } : {};
    return { stream: stored.stream, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(stored.size), ...md5 } };
  };
}

export function importInfoHandler() {
  return async (): Promise<RouteResult> => ({
    body: { 'import-methods': { description: 'Import methods available.', type: 'array', value: IMPORT_METHODS } },
  });
}
