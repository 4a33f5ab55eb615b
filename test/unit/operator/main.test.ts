import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { parseConfig } from '../../../operator/src/main.js';
import { close, createProbeServer, listen, parseBindAddress } from '../../../operator/src/runtime/probes.js';
import { jsonLogger } from '../../../crds/client/logger.js';

describe('operator command line', () => {
  it('When nothing is given, then the defaults apply', () => {
    assert.deepEqual(parseConfig([], {}), {
      kubeconfig: undefined,
      metricsBindAddress: '127.0.0.1:8080',
      leaderElect: false,
      namespace: 'openstack-sim-system',
      workers: 4,
      logLevel: 'info',
      identity: undefined,
      kwokConsoleDir: undefined,
    });
  });

  const cases: { name: string; argv: string[]; env: NodeJS.ProcessEnv; want: Partial<ReturnType<typeof parseConfig>> }[] = [
    { name: 'flags are given', argv: ['--kubeconfig', '/k', '--metrics-bind-address=:9090', '--leader-elect', '--namespace', 'ns1', '--workers', '8'], env: {}, want: { kubeconfig: '/k', metricsBindAddress: ':9090', leaderElect: true, namespace: 'ns1', workers: 8 } },
    { name: 'only the environment is set', argv: [], env: { KUBECONFIG: '/e', LEADER_ELECT: 'true', POD_NAMESPACE: 'sys', POD_NAME: 'op-0' }, want: { kubeconfig: '/e', leaderElect: true, namespace: 'sys', identity: 'op-0' } },
    { name: 'the KWOK console directory is given', argv: ['--kwok-console-dir', '/state/console'], env: {}, want: { kwokConsoleDir: '/state/console' } },
    { name: 'a flag and the environment disagree', argv: ['--leader-elect=false', '--kubeconfig=/f'], env: { LEADER_ELECT: 'true', KUBECONFIG: '/e' }, want: { leaderElect: false, kubeconfig: '/f' } },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then they are used (flags first)`, () => {
      const got = parseConfig(c.argv, c.env);
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(got[k as keyof typeof got], v, k);
    });
  }

  it('When a flag is unknown or a value is invalid, then parsing fails', () => {
    assert.throws(() => parseConfig(['--bogus'], {}));
    assert.throws(() => parseConfig(['--workers', '0'], {}), /workers/);
    assert.throws(() => parseConfig(['--log-level', 'loud'], {}), /log-level/);
  });

  const binds: [string, ReturnType<typeof parseBindAddress>][] = [
    ['127.0.0.1:8080', { host: '127.0.0.1', port: 8080 }],
    [':8080', { host: undefined, port: 8080 }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
    ['0', undefined],
  ];
  for (const [addr, want] of binds) it(`When the bind address is "${addr}", then it parses`, () => assert.deepEqual(parseBindAddress(addr), want));
});

describe('probe server', () => {
  it('When probed, then /healthz is ok, /readyz follows the caches and /metrics serves the registry', async () => {
    const registry = new Registry();
    registry.registerMetric(new (await import('prom-client')).Counter({ name: 'openstack_sim_test_total', help: 'h', registers: [] }));
    let ready = false;
    const server = createProbeServer({ registry, isReady: () => ready });
    const { port } = await listen(server, { host: '127.0.0.1', port: 0 });
    const get = async (path: string): Promise<[number, string]> => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return [res.status, await res.text()];
    };
    try {
      assert.equal((await get('/healthz'))[0], 200);
      assert.equal((await get('/readyz'))[0], 503);
      ready = true;
      assert.equal((await get('/readyz'))[0], 200);
      const [code, body] = await get('/metrics');
      assert.equal(code, 200);
      assert.match(body, /openstack_sim_test_total/);
      assert.equal((await get('/nope'))[0], 404);
    } finally {
      await close(server);
    }
  });
});

describe('jsonLogger', () => {
  it('When logging, then each line is one JSON object and levels below the minimum are dropped', () => {
    const lines: string[] = [];
    const log = jsonLogger({ level: 'info', write: (l) => lines.push(l), base: { logger: 'op' } });
    log.debug('hidden');
    log.warn('watch failed', { error: new Error('boom'), kind: 'Pod' });
    assert.equal(lines.length, 1);
    const rec = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.deepEqual({ level: rec.level, msg: rec.msg, logger: rec.logger, error: rec.error, kind: rec.kind }, { level: 'warn', msg: 'watch failed', logger: 'op', error: 'boom', kind: 'Pod' });
  });
});
