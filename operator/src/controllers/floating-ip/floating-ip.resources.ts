// Pure builder: the Service an associated floating IP becomes. A floating IP is a one-to-one NAT of
// every port and protocol, which a Service can only say by listing no ports: so it is headless
// (clusterIP None), selecting the Pod of the server whose port the floating IP is bound to (no
// selector when the port has no server), with the floating address in spec.externalIPs, where
// `kubectl get svc` prints it as EXTERNAL-IP. The apiserver warns that kube-proxy ignores
// externalIPs on headless Services: on a real cluster the address is recorded, not routed.
import type { FloatingIP, Port } from '../../../../crds/types.generated.js';
import type { Service } from '../../../../crds/kube-types.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, SERVER_LABEL } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { controllerReference } from '../../runtime/objects.js';

export const FLOATING_IP_LABEL = 'openstack.sim/floating-ip-id';
export const FLOATING_ADDRESS_ANNOTATION = 'openstack.sim/floating-ip-address';
export const FIXED_ADDRESS_ANNOTATION = 'openstack.sim/fixed-ip-address';
export const PORT_ANNOTATION = 'openstack.sim/port-id';

/** `fip-<id>`: a DNS label whatever the id starts with, unique in the namespace. */
export function serviceName(f: FloatingIP): string {
  return `fip-${f.metadata.name}`;
}

/** The server a port belongs to, if it is a server's. */
export function serverOf(port: Port | undefined): string | undefined {
  return port?.spec.deviceId && port.spec.deviceOwner?.startsWith('compute:') ? port.spec.deviceId : undefined;
}

export function desiredService(f: FloatingIP, port: Port | undefined): Service {
  const server = serverOf(port);
  return {
    ...typeMeta(Resources.Service),
    metadata: {
      name: serviceName(f),
      namespace: f.metadata.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: f.spec.projectId, [FLOATING_IP_LABEL]: f.metadata.name },
      annotations: {
        [FLOATING_ADDRESS_ANNOTATION]: f.spec.floatingIpAddress,
        [FIXED_ADDRESS_ANNOTATION]: f.spec.fixedIpAddress ?? '',
        [PORT_ANNOTATION]: f.spec.portId ?? '',
      },
      ownerReferences: [controllerReference(Resources.FloatingIP, f)],
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: 'None',
      ...(server ? { selector: { [SERVER_LABEL]: server } } : {}),
      externalIPs: [f.spec.floatingIpAddress],
    },
  };
}

/** The part of a Service this builder decides, to compare with what the apiserver holds (which adds defaults). */
export function decidedSpec(s: Service): Pick<Service['spec'], 'clusterIP' | 'selector' | 'externalIPs'> {
  return { clusterIP: s.spec.clusterIP, selector: s.spec.selector ?? {}, externalIPs: s.spec.externalIPs ?? [] };
}
