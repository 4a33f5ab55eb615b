// A Python virtual environment for a test, created from a requirements file with the machine's
// python3 and PyPI, in the cache outside the work tree and keyed by the file's contents: created
// once (with progress on stderr, since pip takes a minute or two), found again afterwards.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../hack/lib/exec.js';

export async function ensureVenv(name: string, requirements: string): Promise<string> {
  const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex').slice(0, 12);
  const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const dir = join(cache, 'openstack-sim', `${name}-venv-${digest}`);
  const ready = join(dir, '.installed');
  if (existsSync(ready)) return dir;
  console.error(`      [venv] creating ${dir} from ${requirements} (pip, about 2 minutes the first time)`);
  await run('python3', ['-m', 'venv', '--clear', dir], { quiet: true });
  await run(join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements], { quiet: true });
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  console.error(`      [venv] ready: ${dir}`);
  return dir;
}
