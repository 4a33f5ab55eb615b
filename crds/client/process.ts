// Process plumbing both programs share: whether a module is the entry point, and what happens to
// an error that escaped every handler.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Logger } from './logger.js';

/** Whether the module at metaUrl is the script node was started with (not imported by a test). */
export function invokedDirectly(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return metaUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

/** Logs what escaped every handler, then exits 1: the process state is unknown from here on. */
export function crashHandler(log: Logger, what: string, exit: (code: number) => void): (err: unknown) => void {
  return (err) => {
    log.error(what, { error: String(err), stack: err instanceof Error ? err.stack : undefined });
    exit(1);
  };
}

/** A stray rejection or exception ends the process with status 1, so its Deployment restarts it. */
export function installCrashHandlers(log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', crashHandler(log, 'unhandled rejection; exiting', exit));
  process.on('uncaughtException', crashHandler(log, 'uncaught exception; exiting', exit));
}
