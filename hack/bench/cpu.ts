// Where each benchmarked item's CPU goes: the CPU seconds every process of the local stack spent
// between two instants, read from /proc/<pid>/stat (Linux, local cluster only). On a machine the
// load saturates, throughput is cores / CPU per item, so this accounts for a ratio more steadily
// than rates do on a shared, noisy machine.
import { readdirSync, readFileSync } from 'node:fs';

/** A component of the local stack and how to recognise its process by its command line. */
const COMPONENTS: { name: string; matches: (argv: string[]) => boolean }[] = [
  { name: 'kube-apiserver', matches: (a) => a[0]?.endsWith('/kube-apiserver') ?? false },
  { name: 'etcd', matches: (a) => a[0]?.endsWith('/etcd') ?? false },
  { name: 'kwok', matches: (a) => a[0]?.endsWith('/kwok-controller') ?? false },
  { name: 'controller-manager', matches: (a) => a[0]?.endsWith('/kube-controller-manager') ?? false },
  { name: 'scheduler', matches: (a) => a[0]?.endsWith('/kube-scheduler') ?? false },
  { name: 'operator', matches: (a) => a.some((x) => x.endsWith('operator/src/main.ts')) && a.includes('--import') },
  { name: 'api-server', matches: (a) => a.some((x) => x.endsWith('api-server/src/main.ts')) && a.includes('--import') },
];

export type CpuSample = Map<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

function argvOf(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** utime + stime in seconds; the comm field may hold spaces, so fields are counted after its ')'. */
function cpuSecondsOf(pid: string | number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The pids of the stack's components (the first process matching each), plus this process. */
export function findComponents(): Map<string, string> {
  const found = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const argv = argvOf(pid);
    const c = COMPONENTS.find((x) => x.matches(argv));
    if (c && !found.has(c.name)) found.set(c.name, pid);
  }
  found.set('benchmark', String(process.pid));
  return found;
}

export function sampleCpu(pids: Map<string, string>): CpuSample {
  const out: CpuSample = new Map();
  for (const [name, pid] of pids) {
    try {
      out.set(name, cpuSecondsOf(pid));
    } catch {
      // The process went away; it is left out of this sample rather than counted as zero.
    }
  }
  return out;
}

/** "total 75.1 ms (kube-apiserver 38.6, etcd 7.0, …)" per item between two samples. */
export function describeCpu(before: CpuSample, after: CpuSample, items: number): string {
  const per = [...after]
    .filter(([k]) => before.has(k))
    .map(([k, v]) => [k, ((v - before.get(k)!) * 1000) / items] as const)
    .sort((a, b) => b[1] - a[1]);
  const total = per.reduce((a, [, v]) => a + v, 0);
  return `${total.toFixed(1)} ms (${per.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`;
}
