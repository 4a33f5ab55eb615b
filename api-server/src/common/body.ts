// Reads a JSON request body ourselves (instead of a body-parser middleware) so that malformed
// input becomes the service's own 400 fault rather than Express's HTML error page.
import type { Request } from 'express';
import { ApiError } from './errors.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** The request's media type, lower case, without parameters (`; charset=...`); '' when none was sent. */
export function mediaTypeOf(req: Request): string {
  return (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export async function readRawBody(req: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError(413, `Request body exceeds ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: Request): Promise<unknown> {
  const raw = (await readRawBody(req)).toString('utf8');
  if (!raw.trim()) throw new ApiError(400, 'The request body is empty; a JSON document is required.');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ApiError(400, 'Malformed request body: it is not valid JSON.');
  }
}
