// The API server process: its flags, its JSON log lines (the operator's fields), and what happens
// to a rejection or exception nothing handled: one error line, then exit status 1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLogger, parseConfig, parseMetricsPort } from '../../../../api-server/src/main.js';
import { crashHandler } from '../../../../crds/client/process.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

function runChild(mode: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('API server command line', () => {
  it('When nothing is given, then the defaults apply (metrics on 9090 beside the API on 5000)', () => {
    assert.deepEqual(parseConfig([], {}), {
      kubeconfig: undefined,
      host: '127.0.0.1',
      port: 5000,
      metricsPort: 9090,
      config: { publicUrl: '', region: 'RegionOne', systemNamespace: 'openstack-sim-system', tokenTtlSeconds: 3600, trustedProxies: 0, projectDeleteMode: 'refuse', projectNamespaceWaitMs: 10_000 },
      // Keystone's defaults: lockout off, revocations kept 30 minutes past their tokens.
      tokens: {
        lockoutFailureAttempts: 0, lockoutDurationSeconds: 1800, passwordChecks: { concurrency: 2, queue: 16 },
        revocationExpirationBufferSeconds: 1800, revocationSweepIntervalSeconds: 300, maxRevocationsPerUser: 100,
      },
      // Glance's image store and its image_size_cap (1 TiB).
      images: { dir: '/var/lib/openstack-sim/images', maxBytes: 1024 ** 4 },
    });
  });

  it('When the image store is set by flag and its cap by environment, then both reach the options; a bad cap fails', () => {
    assert.deepEqual(parseConfig(['--image-dir', '/data/images'], { OPENSTACK_SIM_IMAGE_SIZE_CAP: '1048576' }).images, { dir: '/data/images', maxBytes: 1048576 });
    assert.throws(() => parseConfig(['--image-size-cap', '1.5'], {}), /invalid --image-size-cap: 1.5/);
  });

  it('When lockout is set by flag and the password-check bound by environment, then both reach the token options', () => {
    const { tokens } = parseConfig(['--lockout-failure-attempts', '3', '--lockout-duration=60'], { OPENSTACK_SIM_PASSWORD_CHECK_CONCURRENCY: '4' });
    assert.equal(tokens?.lockoutFailureAttempts, 3);
    assert.equal(tokens?.lockoutDurationSeconds, 60);
    assert.deepEqual(tokens?.passwordChecks, { concurrency: 4, queue: 16 });
  });

  it('When a token setting is not a whole number, or no password check may run, then parsing fails naming the flag', () => {
    assert.throws(() => parseConfig(['--lockout-failure-attempts', 'many'], {}), /--lockout-failure-attempts/);
    assert.throws(() => parseConfig(['--password-check-concurrency', '0'], {}), /--password-check-concurrency/);
  });

  const cases: { name: string; argv: string[]; env: NodeJS.ProcessEnv; want: Partial<ReturnType<typeof parseConfig>> }[] = [
    { name: 'flags are given', argv: ['--port', '5100', '--metrics-port=0', '--host', '0.0.0.0'], env: {}, want: { port: 5100, metricsPort: 0, host: '0.0.0.0' } },
    { name: 'only the environment is set', argv: [], env: { OPENSTACK_SIM_METRICS_PORT: '9191', OPENSTACK_SIM_PORT: '5200', KUBECONFIG: '/k' }, want: { metricsPort: 9191, port: 5200, kubeconfig: '/k' } },
    { name: 'a flag and the environment disagree', argv: ['--metrics-port', '9300'], env: { OPENSTACK_SIM_METRICS_PORT: '9191' }, want: { metricsPort: 9300 } },
    { name: 'metrics are turned off', argv: ['--metrics-port=off'], env: { OPENSTACK_SIM_METRICS_PORT: '9191' }, want: { metricsPort: undefined } },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then they are used (flags first)`, () => {
      const got = parseConfig(c.argv, c.env);
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(got[k as keyof typeof got], v, k);
    });
  }

  const metricsPorts: { value: string; want: number | undefined | RegExp }[] = [
    { value: '9090', want: 9090 },
    { value: '0', want: 0 },
    { value: 'off', want: undefined },
    { value: 'OFF', want: undefined },
    { value: '-1', want: undefined },
    { value: '70000', want: /invalid --metrics-port/ },
    { value: 'metrics', want: /invalid --metrics-port/ },
    { value: '', want: /invalid --metrics-port/ },
  ];
  for (const m of metricsPorts) {
    it(`When --metrics-port is "${m.value}", then ${m.want instanceof RegExp ? 'it is refused' : `it means ${m.want ?? 'no metrics listener'}`}`, () => {
      if (m.want instanceof RegExp) assert.throws(() => parseMetricsPort(m.value), m.want);
      else assert.equal(parseMetricsPort(m.value), m.want);
    });
  }

  it('When a flag is unknown or the port is not a port, then parsing fails', () => {
    assert.throws(() => parseConfig(['--bogus'], {}));
    assert.throws(() => parseConfig(['--port', 'http'], {}), /invalid --port/);
  });
});

describe('API server logging and crashes', () => {
  it('When it logs, then each line has the operator\'s fields: ts, level, msg, logger', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).info('listening', { url: 'http://127.0.0.1:5000' });
    const rec = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.deepEqual(Object.keys(rec).sort(), ['level', 'logger', 'msg', 'ts', 'url']);
    assert.equal(rec.logger, 'openstack-sim-api-server');
    assert.ok(!Number.isNaN(Date.parse(String(rec.ts))));
  });

  it('When the crash handler runs, then it logs the error with its stack and exits 1', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    crashHandler(createLogger((l) => lines.push(l)), 'unhandled rejection; exiting', (code) => exits.push(code))(new Error('boom'));
    assert.deepEqual(exits, [1]);
    const rec = JSON.parse(lines[0]) as Record<string, string>;
    assert.equal(rec.level, 'error');
    assert.equal(rec.error, 'Error: boom');
    assert.match(rec.stack, /main\.test\.ts/);
  });

  const crashes: { mode: string; msg: string; error: string }[] = [
    { mode: 'rejection', msg: 'unhandled rejection; exiting', error: 'Error: boom' },
    { mode: 'exception', msg: 'uncaught exception; exiting', error: 'Error: kaboom' },
  ];
  for (const c of crashes) {
    it(`When an ${c.mode === 'rejection' ? 'unhandled rejection' : 'uncaught exception'} happens, then the process logs one JSON error line and exits 1`, async () => {
      const { code, stdout } = await runChild(c.mode);
      assert.equal(code, 1);
      assert.doesNotMatch(stdout, /still running/, 'the process must not limp on');
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 1, stdout);
      const rec = JSON.parse(lines[0]) as Record<string, string>;
      assert.equal(rec.level, 'error');
      assert.equal(rec.msg, c.msg);
      assert.equal(rec.error, c.error);
      assert.equal(rec.logger, 'openstack-sim-api-server');
    });
  }
});
