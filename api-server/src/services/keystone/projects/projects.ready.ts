// A created project answers once its Namespace is ready. Keystone's project exists the moment it
// is stored, but here everything a client makes in it next (Tempest makes a network right after
// the project) lives in that Namespace, which the operator creates a moment later; without the wait
// such a create would fail with "namespace not found".
import type { Project } from '../../../../../crds/types.generated.js';
import type { AppDeps } from '../../../deps.js';

const POLL_MS = 25;

export function namespaceReady(project: Project | undefined): boolean {
  return project?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** Waits (up to config.projectNamespaceWaitMs) for the operator to report the project's Namespace ready. */
export async function awaitProjectNamespace(d: AppDeps, projectId: string): Promise<void> {
  const budget = d.config.projectNamespaceWaitMs ?? 0;
  for (const end = Date.now() + budget; Date.now() < end; await new Promise((r) => setTimeout(r, POLL_MS))) {
    if (namespaceReady(d.stores.projects.get(projectId))) return;
  }
  if (budget > 0) d.log.warn('project answered before its namespace was ready', { projectId, waitedMs: budget });
}
