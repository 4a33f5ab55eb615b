// A project's place in Keystone's hierarchy: its parents (nearest first), its subtree, and the
// checks Keystone makes on them (the parent exists in the same domain, the tree is at most
// max_project_tree_depth deep, a disabled branch takes no new projects).
import type { Project } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { liveProjects } from '../../../auth/assignments.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';

/** Keystone's [DEFAULT] max_project_tree_depth. */
export const MAX_PROJECT_TREE_DEPTH = 5;

export function childrenOf(stores: Stores, id: string): Project[] {
  return liveProjects(stores).filter((p) => p.spec.parentId === id);
}

/** The parents, nearest first (a cycle cannot be made through the API; the walk stops on one anyway). */
export function parentsOf(stores: Stores, p: Project): Project[] {
  const out: Project[] = [];
  for (let cur = p.spec.parentId; cur && !out.some((x) => x.metadata.name === cur); ) {
    const parent = stores.projects.get(cur);
    if (!parent || parent.metadata.deletionTimestamp) break;
    out.push(parent);
    cur = parent.spec.parentId;
  }
  return out;
}

/** Every project below this one, parents before their children. */
export function subtreeOf(stores: Stores, id: string): Project[] {
  const out: Project[] = [];
  const queue = [id];
  while (queue.length) {
    for (const c of childrenOf(stores, queue.shift()!)) {
      if (out.some((x) => x.metadata.name === c.metadata.name)) continue;
      out.push(c);
      queue.push(c.metadata.name);
    }
  }
  return out;
}

type IdTree = Record<string, unknown> | null;

/** subtree_as_ids: {child: {grandchild: null}}; null for a leaf. */
export function subtreeIds(stores: Stores, id: string): IdTree {
  const children = childrenOf(stores, id);
  return children.length ? Object.fromEntries(children.map((c) => [c.metadata.name, subtreeIds(stores, c.metadata.name)])) : null;
}

/** parents_as_ids: {parent: {grandparent: null}}; null for a top-level project. */
export function parentIds(stores: Stores, p: Project): IdTree {
  let tree: IdTree = null;
  for (const parent of parentsOf(stores, p).reverse()) tree = { [parent.metadata.name]: tree };
  return tree;
}

/** The parent a new project names, checked as Keystone checks it; undefined for a top-level project. */
export function checkedParent(stores: Stores, parentId: string | null | undefined, domainId: string | undefined): Project | undefined {
  if (!parentId || parentId === domainId) return undefined;
  const parent = stores.projects.get(parentId);
  if (!parent || parent.metadata.deletionTimestamp) throw notFound(`Could not find project: ${parentId}.`);
  if (domainId !== undefined && parent.spec.domainId !== domainId) {
    throw badRequest(`Cannot create project, since it specifies its domain_id ${domainId}, but specifies a parent in a different domain (${parent.spec.domainId}).`);
  }
  const branch = [parent, ...parentsOf(stores, parent)];
  const disabled = branch.find((p) => p.spec.enabled === false);
  if (disabled) throw forbidden(`cannot create a project in a branch containing a disabled project: ${disabled.metadata.name}`);
  if (branch.length + 1 > MAX_PROJECT_TREE_DEPTH) throw forbidden(`Max hierarchy depth reached for ${parent.metadata.name} branch.`);
  return parent;
}
