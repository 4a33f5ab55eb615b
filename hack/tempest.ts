// Runs Debian's Tempest against a running openstack-sim.
//   npm run tempest -- subset      the tests this slice must pass (hack/tempest/subset.txt)
//   npm run tempest -- interop [GUIDELINE.json]
//                                  the OpenStack Powered Compute 2020.06 guideline: prints passed P/227
//                                  (default: ../shared/conformance/interop-2020.06-compute.json)
//   npm run tempest -- regex REGEX
// Credentials are Tempest's default, dynamic (a project and users per test class, made and
// removed through Keystone); --credentials accounts uses pre-provisioned accounts instead.
// Reads .openstack-sim/clouds.yaml (written by npm start); OPENSTACK_SIM_STATE moves it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTempest, type TempestSelection } from './lib/tempest.js';

const root = join(import.meta.dirname, '..');
const { positionals, values } = parseArgs({ allowPositionals: true, options: { credentials: { type: 'string', default: 'dynamic' } } });
if (values.credentials !== 'dynamic' && values.credentials !== 'accounts') {
  console.error(`--credentials is dynamic or accounts, not ${values.credentials}`);
  process.exit(2);
}
const [mode = 'subset', arg] = positionals;
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const guideline = arg ?? join(root, '..', 'shared', 'conformance', 'interop-2020.06-compute.json');
if (mode === 'interop' && !existsSync(guideline)) {
  console.error(`no interop guideline at ${guideline}: pass its path, npm run tempest -- interop PATH`);
  process.exit(2);
}
const selection: TempestSelection =
  mode === 'interop' ? { kind: 'interop', guideline }
  : mode === 'regex' ? { kind: 'regex', regex: arg ?? '.' }
  : { kind: 'list', file: join(root, 'hack', 'tempest', 'subset.txt') };
const result = await runTempest({ root, stateDir, selection, credentials: values.credentials, log: (m) => console.error(`[tempest] ${m}`) });
console.log(`tempest ${mode}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
if (mode === 'interop') console.log(`passed ${result.passed}/${result.total}`);
process.exitCode = result.failed > 0 ? 1 : 0;
