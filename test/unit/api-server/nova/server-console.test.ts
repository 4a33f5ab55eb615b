// os-getConsoleOutput through the whole app, one table row per request: the Pod's log as the
// kubelet serves it, the length asked for, and Nova's answer (its tail of the log, or its error).
import assert from 'node:assert/strict';
import { call, IMAGE_ID, serveApp, serverWithPodLog, type AppWorld } from '../app-fixture.js';

const BOOT = 'Linux version 6.1\ncloud-init[1]: up\nvm login: \n';

interface Case {
  name: string;
  /** The Pod's log; undefined: a Pod with no log yet; null: no Pod at all (and no host). */
  log: string | undefined | null;
  body: object;
  code: number;
  output?: string;
  error?: RegExp;
}

const cases: Case[] = [
  { name: 'the whole log when no length is given', log: BOOT, body: { 'os-getConsoleOutput': {} }, code: 200, output: BOOT },
  { name: 'the whole log for a null body', log: BOOT, body: { 'os-getConsoleOutput': null }, code: 200, output: BOOT },
  { name: 'the whole log for length -1', log: BOOT, body: { 'os-getConsoleOutput': { length: -1 } }, code: 200, output: BOOT },
  // Nova's tail splits on newlines: the final newline's empty piece counts, so 3 gives 2 lines and "".
  { name: 'the last 3 pieces for length 3', log: BOOT, body: { 'os-getConsoleOutput': { length: 3 } }, code: 200, output: 'cloud-init[1]: up\nvm login: \n' },
  { name: 'the last 2 pieces for length "2" (a numeric string)', log: BOOT, body: { 'os-getConsoleOutput': { length: '2' } }, code: 200, output: 'vm login: \n' },
  { name: 'nothing for length 0', log: BOOT, body: { 'os-getConsoleOutput': { length: 0 } }, code: 200, output: '' },
  { name: 'control characters removed', log: 'a\x07b\x1b[0mc\tok\n', body: { 'os-getConsoleOutput': {} }, code: 200, output: 'ab[0mc\tok\n' },
  { name: 'a length below -1', log: BOOT, body: { 'os-getConsoleOutput': { length: -2 } }, code: 400 },
  { name: 'a length that is not a number', log: BOOT, body: { 'os-getConsoleOutput': { length: 'ten' } }, code: 400 },
  { name: 'an unknown key', log: BOOT, body: { 'os-getConsoleOutput': { lines: 3 } }, code: 400 },
  { name: 'a Pod with no log yet (ConsoleNotAvailable)', log: undefined, body: { 'os-getConsoleOutput': {} }, code: 404, error: /Guest does not have a console available/ },
  { name: 'a server with no Pod and no host', log: null, body: { 'os-getConsoleOutput': {} }, code: 409, error: /is not ready/ },
];

describe('Nova os-getConsoleOutput: the Pod\'s log, Nova\'s tail and errors', () => {
  let w: AppWorld;
  let alice: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
  });
  after(() => w.close());

  /** A server of demo's whose Pod (if any) has the given log, once the API shows it ACTIVE. */
  async function serverWith(log: Case['log']): Promise<string> {
    if (log !== null) return serverWithPodLog(w, alice, 'vm', log);
    return (await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id as string;
  }

  for (const c of cases) {
    it(`When a member asks for ${c.name}, then ${c.code}`, async () => {
      const id = await serverWith(c.log);
      const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, c.body);
      assert.equal(res.status, c.code, res.text);
      if (c.output !== undefined) assert.equal(res.json.output, c.output);
      if (c.error) assert.match(res.text, c.error);
    });
  }
});
