// Remote consoles through the whole app: the 2.1 actions and 2.6's remote-consoles hand out a URL
// of this API server whose console token alone opens the server's console page and log; other
// console types are Nova's 400, a server off any host 409, and a forged, foreign or Keystone
// token opens nothing.
import assert from 'node:assert/strict';
import { call, IMAGE_ID, serveApp, serverWithPodLog, type AppWorld } from '../app-fixture.js';

const LOG = 'Linux version 6.1\nvm login: \n';

describe('Nova remote consoles: URLs, the console page and its log', () => {
  let w: AppWorld;
  let alice: string;
  let running = '';
  let building = '';
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    running = await serverOnHost(true);
    building = await serverOnHost(false);
  });
  after(() => w.close());

  const action = (id: string, body: object) => call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, body);
  /** The URL's path and query on this server (the URL names the public URL, which is this server's). */
  const local = (url: string): string => url.slice(w.url.length);

  async function serverOnHost(onHost: boolean): Promise<string> {
    if (onHost) return serverWithPodLog(w, alice, 'web<1>', LOG);
    return (await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'new', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id as string;
  }

  it('When a noVNC console is asked, then its URL opens a page naming the server (escaped), with no Keystone token, and the page\'s log is the console log', async () => {
    const res = await action(running, { 'os-getVNCConsole': { type: 'novnc' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.console.type, 'novnc');
    assert.ok(res.json.console.url.startsWith(`${w.url}/compute/console/?token=`), res.json.console.url);
    const page = await call(w.url, undefined, 'GET', local(res.json.console.url));
    assert.equal(page.status, 200, page.text);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, new RegExp(`Console of web&#60;1&#62; \\(${running}\\)`));
    const log = await call(w.url, undefined, 'GET', local(res.json.console.url).replace('/console/?', '/console/log?'));
    assert.equal(log.status, 200, log.text);
    assert.equal(log.json.output, LOG);
  });

  const refused: [string, object, number, RegExp][] = [
    ['an xvpvnc console', { 'os-getVNCConsole': { type: 'xvpvnc' } }, 400, /Unavailable console type xvpvnc/],
    ['a SPICE console', { 'os-getSPICEConsole': { type: 'spice-html5' } }, 400, /Unavailable console type spice-html5/],
    ['a serial console', { 'os-getSerialConsole': { type: 'serial' } }, 400, /Unavailable console type serial/],
    ['a VNC console of an unknown type', { 'os-getVNCConsole': { type: 'vnc' } }, 400, /type/],
  ];
  for (const [what, body, code, error] of refused) {
    it(`When ${what} is asked, then ${code}`, async () => {
      const res = await action(running, body);
      assert.equal(res.status, code, res.text);
      assert.match(res.text, error);
    });
  }

  it('When a server on no host is asked for a console, then 409', async () => {
    const res = await action(building, { 'os-getVNCConsole': { type: 'novnc' } });
    assert.equal(res.status, 409, res.text);
  });

  it('When the console token is altered, or a Keystone token is given instead, then 401 and nothing of the console', async () => {
    const url = local((await action(running, { 'os-getVNCConsole': { type: 'novnc' } })).json.console.url);
    const token = decodeURIComponent(url.split('token=')[1]);
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const t of [forged, alice]) {
      const res = await call(w.url, undefined, 'GET', `/compute/console/log?token=${encodeURIComponent(t)}`);
      assert.equal(res.status, 401, res.text);
      assert.doesNotMatch(res.text, /login/);
    }
  });

  it('When remote-consoles is asked at 2.6, then the same URL answer in Nova\'s remote_console shape; below 2.6 the route is not there', async () => {
    const body = { remote_console: { protocol: 'vnc', type: 'novnc' } };
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${running}/remote-consoles`, body, { 'OpenStack-API-Version': 'compute 2.6' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual({ protocol: res.json.remote_console.protocol, type: res.json.remote_console.type }, { protocol: 'vnc', type: 'novnc' });
    assert.equal((await call(w.url, undefined, 'GET', local(res.json.remote_console.url))).status, 200);
    const old = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${running}/remote-consoles`, body);
    assert.equal(old.status, 404, old.text);
  });
});
