import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { fingerprintOf, generateKeyMaterial } from '../../../../api-server/src/services/nova/keypairs/keypairs.keys.js';

/** The modulus of an OpenSSH ssh-rsa line, read back from its blob (string, mpint e, mpint n). */
function sshRsaModulus(line: string): Buffer {
  const blob = Buffer.from(line.split(' ')[1], 'base64');
  let at = 0;
  const next = (): Buffer => {
    const len = blob.readUInt32BE(at);
    const part = blob.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return part;
  };
  assert.equal(next().toString(), 'ssh-rsa');
  next();
  const n = next();
  return n[0] === 0 ? n.subarray(1) : n;
}

describe('Nova keypair material', () => {
  it('When an ssh keypair is generated, then the OpenSSH public key holds the private key\'s modulus and the fingerprint is MD5 of its blob', () => {
    const m = generateKeyMaterial('ssh', 'k1');
    assert.match(m.publicKey, /^ssh-rsa [A-Za-z0-9+/]+=* Generated-by-Nova$/);
    assert.match(m.privateKey, /^-----BEGIN RSA PRIVATE KEY-----/);
    const jwk = createPublicKey(createPrivateKey(m.privateKey)).export({ format: 'jwk' });
    assert.deepEqual(sshRsaModulus(m.publicKey), Buffer.from(jwk.n!, 'base64url'));
    assert.match(m.fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal(fingerprintOf(m.publicKey, 'ssh'), m.fingerprint);
  });

  it('When an x509 keypair is generated, then it is a certificate signed by its own key, with the SHA-1 fingerprint in lowercase', () => {
    const m = generateKeyMaterial('x509', 'win key');
    const cert = new X509Certificate(m.publicKey);
    assert.ok(cert.verify(createPublicKey(createPrivateKey(m.privateKey))), 'self-signed by the returned private key');
    assert.equal(cert.subject, 'CN=win key');
    assert.equal(m.fingerprint, cert.fingerprint.toLowerCase());
  });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const notKeys: [string, string][] = [
    ['a random string', 'not a key'],
    ['a known type with bad base64', 'ssh-rsa !!!notbase64 c'],
    ['a blob naming another type', `ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa'), Buffer.alloc(8)]).toString('base64')}`],
    ['a PEM public key', rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString()],
  ];
  for (const [what, text] of notKeys) {
    it(`When ${what} is imported as ssh, then it has no fingerprint (Nova's 400)`, () => {
      assert.equal(fingerprintOf(text, 'ssh'), undefined);
    });
  }

  it('When an SSH key is imported as x509, then it has no fingerprint', () => {
    assert.equal(fingerprintOf(generateKeyMaterial('ssh', 'k').publicKey, 'x509'), undefined);
  });
});
