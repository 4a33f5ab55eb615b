// Parses a Kubernetes watch response: one JSON event per line. An ERROR event carries a Status
// object (410 Gone when the resourceVersion is too old) and ends the watch with that error.
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { KubeObject } from '../kube-object.js';
import { KubeApiError, type WatchEvent } from './client.js';

interface StatusObject {
  code?: number;
  reason?: string;
  message?: string;
}

/** Delivers complete lines; returns the error an ERROR event carries, which ends the watch. */
function dispatch<T extends KubeObject>(lines: string[], onEvent: (ev: WatchEvent<T>) => void): KubeApiError | undefined {
  for (const line of lines) {
    if (!line.trim()) continue;
    const ev = JSON.parse(line) as WatchEvent<T>;
    if (ev.type === 'ERROR') {
      const st = ev.object as unknown as StatusObject;
      return new KubeApiError(st.code ?? 500, st.reason ?? 'Unknown', st.message ?? 'watch error');
    }
    onEvent(ev);
  }
  return undefined;
}

/** Anything that yields the response body's chunks (an IncomingMessage, or a Readable in tests). */
type ChunkSource = Pick<IncomingMessage, typeof Symbol.asyncIterator>;

export async function readWatchStream<T extends KubeObject>(
  res: ChunkSource,
  onEvent: (ev: WatchEvent<T>) => void,
  stopped: () => boolean,
): Promise<Error | undefined> {
  let buffered = '';
  // A chunk can end inside a multibyte character: the decoder holds the partial bytes for the next
  // chunk, where decoding each chunk on its own would turn both halves into U+FFFD.
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of res) {
      buffered += decoder.write(chunk as Buffer);
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const err = dispatch(lines, onEvent);
      if (err) return err;
    }
  } catch (err) {
    return stopped() ? undefined : (err as Error);
  }
  return undefined;
}
