// A second API server process against the same cluster as the e2e stack's, as a second replica
// of the Helm chart would run: same kubeconfig (so the same CRs, token keys and quota ledgers),
// its own loopback port. Tests that need two replicas (the quota races) send part of their load
// here. Tokens issued by either replica are valid on both.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stopChild } from '../../../hack/lib/exec.js';
import { E2E_PORT, e2eStack } from './stack.js';

const root = join(import.meta.dirname, '..', '..', '..');

export interface SecondApiServer {
  /** http://127.0.0.1:<port>, the root the services are mounted under (/compute, /network, ...). */
  url: string;
  stop(): Promise<void>;
}

/** The stack's ports are E2E_PORT..+2 (API, operator metrics, API metrics); the second replica takes +10 and +12. */
export const SECOND_API_PORT = E2E_PORT + 10;

async function answering(url: string, child: ChildProcess, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`the second API server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/identity`)).status === 300) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`the second API server did not answer on ${url} within ${ms} ms`);
}

/** Starts a second API server on the e2e stack's cluster; its log is <state dir>/logs/api-server-2.log. */
export async function startSecondApiServer(port = SECOND_API_PORT): Promise<SecondApiServer> {
  const stack = await e2eStack();
  const stateDir = dirname(stack.cloudsYaml);
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(stateDir, 'logs'), { recursive: true });
  const log = createWriteStream(join(stateDir, 'logs', 'api-server-2.log'), { flags: 'a' });
  const args = ['--kubeconfig', stack.kubeconfig, '--port', String(port), '--metrics-port', String(port + 2), '--public-url', url, '--image-dir', join(stateDir, 'images')];
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api-server/src/main.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await answering(url, child, 60_000);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url, stop: () => stopChild(child) };
}
