// Key material for Nova keypairs, with Node's crypto only: an RSA key pair whose public half is in
// OpenSSH format (ssh) or a self-signed X.509 certificate (x509, Nova's WinRM certificates), and
// the fingerprints Nova shows: MD5 of the SSH key blob, SHA-1 of the certificate's DER, both as
// colon-separated lowercase hex. The private key leaves only in the create response.
import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';

export type KeypairType = 'ssh' | 'x509';

export interface KeyMaterial {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

/** The key types an OpenSSH public key line may name (Nova accepts what cryptography loads). */
const SSH_KEY_TYPES = new Set(['ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521']);

const colonHex = (digest: Buffer): string => digest.toString('hex').match(/../g)!.join(':');

/** An SSH wire-format string or mpint: a 4-byte length, then the bytes. */
function sshString(data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

/** An mpint is two's complement: a leading 1 bit needs a zero byte in front. */
const mpint = (b64url: string): Buffer => {
  const raw = Buffer.from(b64url, 'base64url');
  return sshString(raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
};

function openSshPublicKey(key: KeyObject, comment: string): string {
  const { n, e } = key.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(e!), mpint(n!)]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

/** The blob of an OpenSSH public key line, or undefined when the line is not one. */
function sshKeyBlob(line: string): Buffer | undefined {
  const [type, data] = line.trim().split(/\s+/);
  if (!type || !data || !SSH_KEY_TYPES.has(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, 'base64');
  if (blob.length < 4) return undefined;
  const nameLength = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + nameLength).toString() === type ? blob : undefined;
}

/** Nova's fingerprint of an imported key, or undefined when the material is not of the type. */
export function fingerprintOf(publicKey: string, type: KeypairType): string | undefined {
  if (type === 'ssh') {
    const blob = sshKeyBlob(publicKey);
    return blob && colonHex(createHash('md5').update(blob).digest());
  }
  try {
    return colonHex(Buffer.from(new X509Certificate(publicKey).fingerprint.replaceAll(':', ''), 'hex'));
  } catch {
    return undefined;
  }
}

// DER, just enough for one self-signed certificate.
function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const len = body.length < 0x80 ? Buffer.from([body.length]) : lengthBytes(body.length);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

function lengthBytes(n: number): Buffer {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const SHA256_WITH_RSA = der(0x30, der(0x06, Buffer.from('2a864886f70d01010b', 'hex')), der(0x05));
const commonName = (cn: string): Buffer => der(0x30, der(0x31, der(0x30, der(0x06, Buffer.from('550403', 'hex')), der(0x0c, Buffer.from(cn)))));
const utcTime = (d: Date): Buffer => der(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));

function selfSignedCertificate(publicKey: KeyObject, privateKey: KeyObject, cn: string, now: Date): string {
  const serial = randomBytes(8);
  serial[0] &= 0x7f;
  const validity = der(0x30, utcTime(now), utcTime(new Date(now.getTime() + 10 * 365 * 86_400_000)));
  const version = der(0xa0, der(0x02, Buffer.from([2])));
  const tbs = der(0x30, version, der(0x02, serial), SHA256_WITH_RSA, commonName(cn), validity, commonName(cn), publicKey.export({ format: 'der', type: 'spki' }));
  const signature = sign('sha256', tbs, privateKey);
  const cert = der(0x30, tbs, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature));
  return `-----BEGIN CERTIFICATE-----\n${cert.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A new RSA key pair as Nova generates one (2048 bits; the private key in PEM). */
export function generateKeyMaterial(type: KeypairType, name: string, now: Date = new Date()): KeyMaterial {
  const { publicKey: pub, privateKey: priv } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = priv.export({ format: 'pem', type: 'pkcs1' }).toString();
  const publicKey = type === 'ssh' ? openSshPublicKey(pub, 'Generated-by-Nova') : selfSignedCertificate(pub, priv, name, now);
  return { publicKey, privateKey, fingerprint: fingerprintOf(publicKey, type)! };
}
