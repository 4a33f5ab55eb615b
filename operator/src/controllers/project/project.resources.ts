// Pure builder for the Namespace that realizes a Project.
import type { Project } from '../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { controllerReference } from '../../runtime/objects.js';
import { podSecurityLabels } from '../../runtime/pod-security.js';

/**
 * Namespace os-<project id>, controlled by the Project so that deleting it collects the namespace,
 * and labelled for Pod Security Admission so that the tenant's Pods are held to its level.
 */
export function desiredNamespace(project: Project): Namespace {
  return {
    ...typeMeta(Resources.Namespace),
    metadata: {
      name: projectNamespace(project.metadata.name),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: project.metadata.name, ...podSecurityLabels() },
      ownerReferences: [controllerReference(Resources.Project, project)],
    },
  };
}
