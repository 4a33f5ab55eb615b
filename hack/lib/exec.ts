// Small process helpers for the hack/ scripts: run a command with its output streamed, or capture it.
import { spawn, type ChildProcess } from 'node:child_process';

export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', opts.quiet ? 'pipe' : 'inherit'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err}${out}`))));
  });
}

export function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Thrown by a waitFor check to stop waiting at once (other errors count as "not yet"). */
export class GiveUp extends Error {}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, log?: (m: string) => void): Promise<void> {
  const start = Date.now();
  let lastNote = start;
  while (Date.now() - start < timeoutMs) {
    const ok = await check().catch((err: unknown) => {
      if (err instanceof GiveUp) throw err;
      return false;
    });
    if (ok) return;
    if (log && Date.now() - lastNote > 5000) {
      log(`still waiting for ${what} (${Math.round((Date.now() - start) / 1000)}s)`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
