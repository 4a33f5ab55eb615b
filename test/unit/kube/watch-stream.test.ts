// The watch stream's line decoder: the network splits a response anywhere, including inside a
// multibyte UTF-8 character, and the events must come out exactly as the apiserver sent them.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { KubeObject } from '../../../crds/kube-object.js';
import { KubeApiError, type WatchEvent } from '../../../crds/client/client.js';
import { readWatchStream } from '../../../crds/client/watch-stream.js';

type Described = KubeObject & { spec: { description: string } };

const event = (name: string, description: string): string =>
  `${JSON.stringify({ type: 'ADDED', object: { metadata: { name }, spec: { description } } })}\n`;

/** The body as chunks, each cut `offset` bytes into the first occurrence of `text`. */
function splitInside(body: string, text: string, offset: number): Buffer[] {
  const bytes = Buffer.from(body, 'utf8');
  const at = bytes.indexOf(Buffer.from(text, 'utf8')) + offset;
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

async function decode(chunks: Buffer[]): Promise<{ events: WatchEvent<Described>[]; err: Error | undefined }> {
  const events: WatchEvent<Described>[] = [];
  const err = await readWatchStream<Described>(Readable.from(chunks), (ev) => events.push(ev), () => false);
  return { events, err };
}

describe('readWatchStream', () => {
  const table: { name: string; text: string; offset: number }[] = [
    { name: '"é" (2 bytes) after its first byte', text: 'é', offset: 1 },
    { name: '"€" (3 bytes) after its first byte', text: '€', offset: 1 },
    { name: '"€" (3 bytes) after its second byte', text: '€', offset: 2 },
    { name: 'an emoji (4 bytes) after its first byte', text: '🚀', offset: 1 },
    { name: 'an emoji (4 bytes) after its third byte', text: '🚀', offset: 3 },
  ];
  for (const t of table) {
    it(`When a chunk boundary falls inside ${t.name}, then the event's text is intact`, async () => {
      const description = `café à 5 € ${t.text} 🚀 fin`;
      const { events, err } = await decode(splitInside(event('s1', description), t.text, t.offset));
      assert.equal(err, undefined);
      assert.equal(events.length, 1);
      assert.equal(events[0].object.spec.description, description);
      assert.doesNotMatch(JSON.stringify(events), /\uFFFD/);
    });
  }

  it('When every byte arrives in its own chunk, then all events come out intact and in order', async () => {
    const body = event('a', 'Zürich €') + event('b', '東京 🚀');
    const { events } = await decode([...Buffer.from(body, 'utf8')].map((b) => Buffer.from([b])));
    assert.deepEqual(events.map((e) => [e.object.metadata.name, e.object.spec.description]), [['a', 'Zürich €'], ['b', '東京 🚀']]);
  });

  it('When an ERROR event arrives, then the stream ends with its Status as a KubeApiError', async () => {
    const status = { type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (2)' } };
    const { events, err } = await decode([Buffer.from(event('a', 'x') + `${JSON.stringify(status)}\n` + event('b', 'never'))]);
    assert.equal(events.length, 1);
    assert.ok(err instanceof KubeApiError);
    assert.equal(err.statusCode, 410);
    assert.equal(err.reason, 'Expired');
  });
});
