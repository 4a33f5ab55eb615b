// Which volumes a request at each microversion may attach: a multiattach volume only from 2.60.
import assert from 'node:assert/strict';
import type { Volume } from '../../../../crds/types.generated.js';
import { checkMultiattach } from '../../../../api-server/src/services/nova/volume-attachments/volume-attachments.versions.js';

const volume = (multiattach: boolean): Volume => ({ apiVersion: 'openstack.sim/v1alpha1', kind: 'Volume', metadata: { name: 'v' }, spec: { projectId: 'p', userId: 'u', size: 1, multiattach } }) as Volume;

describe('Nova volume attach by microversion', () => {
  const cases: [version: string, multiattach: boolean, refused: boolean][] = [
    ['2.59', false, false],
    ['2.59', true, true],
    ['2.60', true, false],
  ];
  for (const [v, multiattach, refused] of cases) {
    it(`When a ${multiattach ? 'multiattach' : 'plain'} volume is attached at ${v}, then it is ${refused ? 'refused with Nova\'s 400' : 'let through'}`, () => {
      const run = (): void => checkMultiattach([volume(multiattach)], v);
      if (refused) assert.throws(run, (e: { status?: number; message?: string }) => e.status === 400 && /2\.60/.test(e.message ?? ''));
      else assert.doesNotThrow(run);
    });
  }
});
