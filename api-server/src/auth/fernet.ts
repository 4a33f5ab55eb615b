// Fernet (https://github.com/fernet/spec): AES-128-CBC encryption authenticated by HMAC-SHA256,
// the format Keystone's tokens use. A token is
//   0x80 | timestamp (uint64 BE, seconds) | IV (16) | ciphertext | HMAC-SHA256 of all before (32)
// in URL-safe base64. Keystone strips the '=' padding and so do we; decoding accepts both.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 0x80;
const HEADER_BYTES = 1 + 8 + 16;
const HMAC_BYTES = 32;
export const FERNET_KEY_BYTES = 32;

/** A 32-byte key: the first half signs, the second half encrypts. */
export interface FernetKey {
  signing: Buffer;
  encryption: Buffer;
}

export function parseFernetKey(encoded: string): FernetKey | undefined {
  const raw = Buffer.from(encoded.trim(), 'base64url');
  if (raw.length !== FERNET_KEY_BYTES) return undefined;
  return { signing: raw.subarray(0, 16), encryption: raw.subarray(16) };
}

/** A new random key in the same text form as Keystone's key files. */
export function generateFernetKey(): string {
  return randomBytes(FERNET_KEY_BYTES).toString('base64url');
}

function sign(key: FernetKey, data: Buffer): Buffer {
  return createHmac('sha256', key.signing).update(data).digest();
}

export function fernetEncrypt(key: FernetKey, plaintext: Buffer, nowSeconds: number, iv: Buffer = randomBytes(16)): string {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(VERSION, 0);
  header.writeBigUInt64BE(BigInt(Math.floor(nowSeconds)), 1);
  iv.copy(header, 9);
  const cipher = createCipheriv('aes-128-cbc', key.encryption, iv);
  const body = Buffer.concat([header, cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, sign(key, body)]).toString('base64url');
}

export interface FernetMessage {
  /** When the token was made, in seconds since the epoch. */
  timestamp: number;
  plaintext: Buffer;
}

function decodeToken(token: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  // Node ignores stray low bits in the last character; insist on the one canonical spelling.
  if (raw.toString('base64url') !== token.replace(/=+$/, '')) return undefined;
  const cipherLength = raw.length - HEADER_BYTES - HMAC_BYTES;
  if (raw[0] !== VERSION || cipherLength <= 0 || cipherLength % 16 !== 0) return undefined;
  return raw;
}

function tryKey(key: FernetKey, raw: Buffer): FernetMessage | undefined {
  const body = raw.subarray(0, raw.length - HMAC_BYTES);
  if (!timingSafeEqual(sign(key, body), raw.subarray(raw.length - HMAC_BYTES))) return undefined;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key.encryption, body.subarray(9, HEADER_BYTES));
    const plaintext = Buffer.concat([decipher.update(body.subarray(HEADER_BYTES)), decipher.final()]);
    return { timestamp: Number(body.readBigUInt64BE(1)), plaintext };
  } catch {
    return undefined; // bad padding: only possible with a forged HMAC key, but never trust it
  }
}

/** Tries every key (primary first is cheapest); any malformed or unauthenticated token is undefined. */
export function fernetDecrypt(keys: FernetKey[], token: string): FernetMessage | undefined {
  const raw = decodeToken(token);
  if (!raw) return undefined;
  for (const key of keys) {
    const message = tryKey(key, raw);
    if (message) return message;
  }
  return undefined;
}

/** The JSON payload of a Fernet token made with one of keys, and when it was made; undefined for a forged or garbled one. */
export function openJsonToken(keys: FernetKey[], token: string): { payload: unknown; timestamp: number } | undefined {
  const message = fernetDecrypt(keys, token);
  if (!message) return undefined;
  try {
    return { payload: JSON.parse(message.plaintext.toString('utf8')), timestamp: message.timestamp };
  } catch {
    return undefined;
  }
}
