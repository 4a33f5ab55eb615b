import assert from 'node:assert/strict';
import { fernetDecrypt, fernetEncrypt, generateFernetKey, parseFernetKey, type FernetKey } from '../../../../api-server/src/auth/fernet.js';

const key = (): FernetKey => parseFernetKey(generateFernetKey()) as FernetKey;
const NOW = 1_714_557_600;

function flipBit(token: string, byte: number, bit: number): string {
  const raw = Buffer.from(token, 'base64url');
  raw[byte] ^= 1 << bit;
  return raw.toString('base64url');
}

describe('fernet', () => {
  it('When a message is encrypted then it decrypts to the same bytes and timestamp', () => {
    const k = key();
    const token = fernetEncrypt(k, Buffer.from('hello'), NOW);
    assert.deepEqual(fernetDecrypt([k], token), { timestamp: NOW, plaintext: Buffer.from('hello') });
  });

  it('When a token is made then it is unpadded URL-safe base64 starting with the version byte', () => {
    const token = fernetEncrypt(key(), Buffer.from('x'), NOW);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.equal(Buffer.from(token, 'base64url')[0], 0x80);
  });

  it('When the key is not among those tried then decryption fails', () => {
    const token = fernetEncrypt(key(), Buffer.from('x'), NOW);
    assert.equal(fernetDecrypt([key(), key()], token), undefined);
  });

  it('When one of several keys signed the token then it decrypts', () => {
    const [a, b, c] = [key(), key(), key()];
    assert.ok(fernetDecrypt([a, b, c], fernetEncrypt(c, Buffer.from('x'), NOW)));
  });

  it('When any single bit of the token is flipped then it is rejected', () => {
    const k = key();
    const token = fernetEncrypt(k, Buffer.from('a payload long enough for two blocks'), NOW);
    const length = Buffer.from(token, 'base64url').length;
    for (let byte = 0; byte < length; byte++) {
      for (const bit of [0, 3, 7]) {
        assert.equal(fernetDecrypt([k], flipBit(token, byte, bit)), undefined, `byte ${byte} bit ${bit}`);
      }
    }
  });

  const garbage = ['', '!!!!', 'gAAAAA', 'not a token at all', `${'A'.repeat(120)}`];
  for (const g of garbage) {
    it(`When the token is garbage (${JSON.stringify(g.slice(0, 12))}) then it is rejected`, () => {
      assert.equal(fernetDecrypt([key()], g), undefined);
    });
  }

  it('When the token is truncated or extended then it is rejected', () => {
    const k = key();
    const token = fernetEncrypt(k, Buffer.from('x'), NOW);
    assert.equal(fernetDecrypt([k], token.slice(0, -4)), undefined);
    assert.equal(fernetDecrypt([k], `${token}AAAA`), undefined);
  });

  it('When a key is not 32 bytes then it is not a key', () => {
    assert.equal(parseFernetKey(Buffer.alloc(16).toString('base64url')), undefined);
  });
});
