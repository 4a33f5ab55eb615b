// What a simulated guest prints on its serial console while it boots: kernel lines, the
// server's identity, cloud-init's report of the injected key and of the user data, and the login
// prompt, written in the CRI log format KWOK's Logs resource reads (a Pod on a KWOK node runs no
// container, so nothing else would ever print). A pure function of the server, its Pod, flavor
// and image: the same inputs give the same file, so a repeated reconcile rewrites nothing.
import { createHash } from 'node:crypto';
import type { Flavor, Image, Server } from '../../../../crds/types.generated.js';
import type { Pod } from '../../../../crds/kube-types.js';

export interface ConsoleInputs {
  server: Server;
  pod: Pod;
  flavor?: Flavor;
  image?: Image;
}

/** The boot each Pod answers, as a guest would tell it apart: first boot or which action. */
const BOOT_WORDS: Record<string, string> = {
  SoftReboot: 'reboot (soft)', HardReboot: 'reboot (hard)', Rebuild: 'rebuild', Resize: 'resize', RevertResize: 'resize revert', Rescue: 'rescue', Unrescue: 'unrescue',
  ResizeRollback: 'resize rolled back', Migrate: 'migration', LiveMigrate: 'live migration', Evacuate: 'evacuation', CrashDump: 'after a crash dump',
};

/** What the guest printed before a crash-dump boot: the NMI's panic and kdump saving the core. */
const CRASH_LINES = ['Kernel panic - not syncing: NMI: Not continuing', 'kdump: saving vmcore to /var/crash', 'kdump: saving vmcore complete', 'Rebooting in 1 seconds..'];

/** OpenSSH's MD5 fingerprint of a public key line (what cloud-init prints for authorized keys). */
export function md5Fingerprint(publicKey: string): string | undefined {
  const blob = publicKey.trim().split(/\s+/)[1];
  if (!blob) return undefined;
  const hex = createHash('md5').update(Buffer.from(blob, 'base64')).digest('hex');
  return hex.match(/../g)!.join(':');
}

function userDataScript(encoded: string | undefined): string | undefined {
  if (!encoded) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  return text.startsWith('#!') ? text : undefined;
}

/**
 * What a shell script's plain `echo` lines would print: only that much of the user data is
 * simulated (no commands run), so a test can see its script reached the guest.
 */
export function echoedLines(script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const m = /^\s*echo\s+(.*?)\s*$/.exec(line);
    if (m) out.push(m[1].replace(/^(['"])(.*)\1$/, '$2'));
  }
  return out;
}

/** How the guest names this boot: its first, or the action that asked for it. */
function bootWords(server: Server, pod: Pod): string {
  const serial = Number(pod.metadata.annotations?.['openstack.sim/boot-serial'] ?? 0);
  const what = serial > 0 ? (BOOT_WORDS[server.spec.boot?.kind ?? ''] ?? 'boot') : 'first boot';
  return `${what} #${serial}`;
}

function describeFlavor(server: Server, flavor: Flavor | undefined): string {
  if (!flavor) return `flavor ${server.spec.flavorRef}`;
  return `flavor ${flavor.spec.name}: ${flavor.spec.vcpus} vCPU, ${flavor.spec.ramMiB} MB RAM`;
}

function kernelLines({ server, pod, flavor, image }: ConsoleInputs): string[] {
  const hostname = pod.spec.hostname ?? server.spec.name;
  const imageName = image?.spec.name ?? server.spec.imageRef ?? '(volume)';
  return [
    'Linux version 6.1.0-openstack-sim (simulated guest on a KWOK node)',
    `Command line: console=ttyS0 root=/dev/vda1 hostname=${hostname}`,
    `openstack-sim: instance ${server.metadata.name} "${server.spec.name}", ${bootWords(server, pod)}`,
    `openstack-sim: ${describeFlavor(server, flavor)}`,
    `openstack-sim: image ${imageName}, container ${pod.spec.containers[0]?.image ?? ''}`,
    `openstack-sim: host ${pod.spec.nodeName ?? ''}`,
  ];
}

function cloudInitLines(server: Server): string[] {
  const lines = ["cloud-init[1]: Cloud-init v. 23.1 running 'init' (openstack-sim)"];
  const fp = server.spec.keyData ? md5Fingerprint(server.spec.keyData) : undefined;
  if (fp) lines.push(`cloud-init[1]: ci-info: Authorized keys from /root/.ssh/authorized_keys for user root: ${server.spec.keyData!.trim().split(/\s+/)[0]} ${fp}`);
  else lines.push('cloud-init[1]: ci-info: no authorized SSH keys for user root');
  const script = userDataScript(server.spec.userData);
  if (server.spec.userData) lines.push(`cloud-init[1]: user-data: ${Buffer.from(server.spec.userData, 'base64').length} bytes${script ? ', a script' : ''}`);
  if (script) lines.push(...echoedLines(script));
  lines.push("cloud-init[1]: Cloud-init v. 23.1 finished. Datasource DataSourceOpenStack.");
  return lines;
}

/** The console's lines, each with its offset in seconds from the Pod's start. */
export function consoleLines(inputs: ConsoleInputs): string[] {
  const hostname = inputs.pod.spec.hostname ?? inputs.server.spec.name;
  const crashed = inputs.server.spec.boot?.kind === 'CrashDump' && Number(inputs.pod.metadata.annotations?.['openstack.sim/boot-serial'] ?? 0) === inputs.server.spec.boot.serial;
  return [...(crashed ? CRASH_LINES : []), ...kernelLines(inputs), ...cloudInitLines(inputs.server), '', `${hostname} login: `];
}

/** The lines in the CRI log format ("<RFC3339Nano> stdout F <line>"), stamped from the Pod's creation. */
export function criLog(lines: string[], start: Date): string {
  return lines.map((line, i) => `${new Date(start.getTime() + i * 10).toISOString().replace('Z', '000000Z')} stdout F ${line}\n`).join('');
}
