// os-getConsoleOutput: the server's console log is its Pod's log, read through the Kubernetes API
// (on the local KWOK cluster the operator provides it; where Pods really run, the container's
// own output). Nova's tail: the log split on newlines, the last `length` pieces joined again
// (-1 or none: all of it, as far as the last 100 KiB Nova's libvirt driver keeps), control
// characters removed. A server with no Pod (stopped, suspended, shelved, still building) has no
// console to read: 409 "not ready", as Nova answers for an instance that is not on a host; a Pod
// whose log cannot be read is Nova's 404 ConsoleNotAvailable.
import type { Server } from '../../../../../crds/types.generated.js';
import type { PodLogReader } from '../../../../../crds/client/client.js';
import { KubeApiError } from '../../../../../crds/client/client.js';
import { conflict, notFound } from '../../../common/errors.js';
import type { RouteResult } from '../../../common/route.js';
import type { ConsoleOutputBody } from './server-actions.schema.js';

/** What Nova's libvirt driver keeps of a console log: its last 100 KiB. */
export const MAX_CONSOLE_BYTES = 100 * 1024;

/** Nova's _tail_log: the last `length` newline-separated pieces (a trailing newline leaves an empty last one). */
export function tailLog(log: string, length: number | undefined): string {
  if (length === undefined) return log;
  if (length === 0) return '';
  return log.split('\n').slice(-length).join('\n');
}

/** The length asked for: a number, a numeric string, or -1/none for all of it. */
export function requestedLength(body: ConsoleOutputBody | null): number | undefined {
  const raw = body?.length;
  if (raw === undefined || raw === null) return undefined;
  const n = Number(raw);
  return n === -1 ? undefined : n;
}

function lastBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= max ? text : bytes.subarray(bytes.length - max).toString('utf8');
}

async function readConsole(podLogs: PodLogReader, server: Server, tail: number | undefined): Promise<string> {
  const { name, namespace = '' } = server.metadata;
  try {
    // One line more than asked: the log's final newline leaves an empty last piece.
    return await podLogs.readPodLog(namespace, name, tail === undefined ? {} : { tailLines: tail + 1 });
  } catch (err) {
    // An unreachable or throttling apiserver is the router's 503; anything else is about this Pod.
    if (!(err instanceof KubeApiError) || err.statusCode === 429 || err.statusCode === 503) throw err;
    if (err.statusCode === 404) throw conflict(`Instance ${name} is not ready`);
    throw notFound('Guest does not have a console available.');
  }
}

export async function consoleOutput(podLogs: PodLogReader, server: Server, body: ConsoleOutputBody | null): Promise<RouteResult> {
  const length = requestedLength(body);
  if (!server.status?.podName && !server.status?.host) throw conflict(`Instance ${server.metadata.name} is not ready`);
  const log = lastBytes(await readConsole(podLogs, server, length), MAX_CONSOLE_BYTES);
  // Nova strips what JSON (and XML before it) cannot carry: control characters but tab and newline.
  const output = tailLog(log, length).replace(/[\x00-\x08\x0B-\x1F]/g, '');
  return { status: 200, body: { output } };
}
