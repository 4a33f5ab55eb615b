// Parses a Kubernetes watch response: one JSON event per line. An ERROR event carries a Status
// object (410 Gone when the resourceVersion is too old) and ends the watch with that error.
import type { IncomingMessage } from 'node:http';
import type { KubeObject } from '../../../crds/kube-object.js';
import { KubeApiError, type WatchEvent } from './client.js';

interface StatusObject {
  code?: number;
  reason?: string;
  message?: string;
}

export async function readWatchStream<T extends KubeObject>(
  res: IncomingMessage,
  onEvent: (ev: WatchEvent<T>) => void,
  stopped: () => boolean,
): Promise<Error | undefined> {
  let buffered = '';
  try {
    for await (const chunk of res) {
      buffered += (chunk as Buffer).toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        const ev = JSON.parse(line) as WatchEvent<T>;
        if (ev.type === 'ERROR') {
          const st = ev.object as unknown as StatusObject;
          return new KubeApiError(st.code ?? 500, st.reason ?? 'Unknown', st.message ?? 'watch error');
        }
        onEvent(ev);
      }
    }
  } catch (err) {
    return stopped() ? undefined : (err as Error);
  }
  return undefined;
}
