// Password hashing with scrypt, a memory-hard KDF. The cost parameters are written into every
// hash ($scrypt$ln=15,r=8,p=1$<salt>$<hash>) so they can be raised later without invalidating
// the hashes already stored: verification always uses the parameters the hash was made with.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// A stored hash is data we read back, so bound its cost: a corrupted or hostile value must not
// make one verification allocate gigabytes.
const MAX_LN = 20;
const MAX_R = 16;
const MAX_P = 4;

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // Node's default maxmem (32 MiB) is exactly the need of N=2^15,r=8; leave headroom.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function parseParams(text: string): ScryptParams | undefined {
  const m = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const sane = params.ln >= 1 && params.ln <= MAX_LN && params.r >= 1 && params.r <= MAX_R && params.p >= 1 && params.p <= MAX_P;
  return sane ? params : undefined;
}

export function parsePasswordHash(encoded: string): ParsedHash | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 5 || parts[0] !== '' || parts[1] !== 'scrypt') return undefined;
  const params = parseParams(parts[2]);
  const salt = Buffer.from(parts[3], 'base64');
  const hash = Buffer.from(parts[4], 'base64');
  if (!params || salt.length < 8 || hash.length < 16) return undefined;
  return { params, salt, hash };
}

/** Constant-time comparison; a malformed hash never matches. */
export async function verifyPasswordHash(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/**
 * A hash no password is known for, made with the current parameters. Verifying against it when a
 * user does not exist costs the same as a real check, so response times do not reveal user names.
 */
export function dummyHasher(params: ScryptParams): () => Promise<string> {
  let dummy: Promise<string> | undefined;
  return () => (dummy ??= hashPassword(randomBytes(24).toString('base64'), params));
}
