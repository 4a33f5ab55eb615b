#!/usr/bin/env bash
# The local Kubernetes cluster: real etcd, kube-apiserver, kube-controller-manager and
# kube-scheduler, with nodes simulated by KWOK. Everything listens on loopback.
#   hack/cluster.sh up       build the tools if needed, start the cluster (idempotent)
#   hack/cluster.sh down     stop it and delete its state (idempotent)
#   hack/cluster.sh status   print whether it runs, its nodes and its kubeconfig
#   hack/cluster.sh env      print the PATH and KUBECONFIG exports for a shell
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${OPENSTACK_SIM_STATE:-$ROOT/.openstack-sim}"
NAME="${OPENSTACK_SIM_CLUSTER:-openstack-sim}"
NODES="${OPENSTACK_SIM_NODES:-3}"
ZONES="${OPENSTACK_SIM_ZONES:-zone-a zone-b}"
KUBECONFIG_OUT="$STATE/kubeconfig"
say() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

tools_env() {
  BIN="$(bash "$ROOT/hack/tools/build.sh")"
  export PATH="$BIN:$PATH" KWOK_WORKDIR="$STATE/kwok" KWOK_RUNTIME=binary
  export KWOK_KUBE_VERSION; KWOK_KUBE_VERSION="$("$BIN/kube-apiserver" --version | awk '{print $2}')"
  export KWOK_KUBE_APISERVER_BINARY="$BIN/kube-apiserver" KWOK_KUBECTL_BINARY="$BIN/kubectl"
  export KWOK_KUBE_CONTROLLER_MANAGER_BINARY="$BIN/kube-controller-manager"
  export KWOK_KUBE_SCHEDULER_BINARY="$BIN/kube-scheduler"
  export KWOK_CONTROLLER_BINARY="$BIN/kwok" KWOK_ETCD_BINARY="$BIN/etcd"
}

kc() { kubectl --kubeconfig "$KUBECONFIG_OUT" "$@"; }

running() { [ -f "$KUBECONFIG_OUT" ] && kc get --raw /readyz >/dev/null 2>&1; }

wait_for() { # description seconds command...
  local what="$1" limit="$2" i; shift 2
  for ((i = 0; i < limit; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  say "timed out after ${limit}s waiting for $what"; return 1
}

make_nodes() {
  # Fake nodes advertise loopback addresses, so nothing can ever dial a made-up IP.
  kwokctl --name "$NAME" scale node --replicas "$NODES" \
    --param '.allocatable.cpu="64"' --param '.allocatable.memory="256Gi"' \
    --param '.allocatable.pods="250"' --param '.allocatable["ephemeral-storage"]="2Ti"' \
    --param '.nodeIPs=["127.0.10.1"]' --param '.podCIDRs=["10.0.0.0/24"]' >&2
  local zones=($ZONES) i=0 node
  for node in $(kc get nodes -o name | sort); do
    kc label --overwrite "$node" "topology.kubernetes.io/zone=${zones[$((i % ${#zones[@]}))]}" >/dev/null
    i=$((i + 1))
  done
}

up() {
  tools_env
  if running; then say "cluster $NAME already running"; status; return 0; fi
  mkdir -p "$STATE"
  if [ -d "$KWOK_WORKDIR/clusters/$NAME" ]; then
    say "starting the existing cluster $NAME"
    kwokctl --name "$NAME" start cluster >&2 || { say "restart failed; recreating"; kwokctl --name "$NAME" delete cluster >&2; }
  fi
  if [ ! -d "$KWOK_WORKDIR/clusters/$NAME" ]; then
    say "creating cluster $NAME (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok)"
    kwokctl -c "$ROOT/hack/kwok/kwokctl.yaml" create cluster --name "$NAME" --kubeconfig "" --timeout 5m >&2
  fi
  cp "$KWOK_WORKDIR/clusters/$NAME/kubeconfig.yaml" "$KUBECONFIG_OUT"
  say "waiting for the API server"
  wait_for "kube-apiserver /readyz" 120 kc get --raw /readyz
  [ "$(kc get nodes -o name | wc -l)" -ge "$NODES" ] || { say "adding $NODES fake nodes over zones: $ZONES"; make_nodes; }
  wait_for "nodes Ready" 120 kc wait --for=condition=Ready node --all --timeout=1s
  say "waiting for the controller-manager (default ServiceAccount)"
  wait_for "the default ServiceAccount" 120 kc -n default get serviceaccount default
  # The binding mode is immutable: a class from an older checkout is replaced, not patched.
  kc apply -f "$ROOT/hack/kwok/storageclass.yaml" >/dev/null 2>&1 || { kc delete storageclass standard >/dev/null; kc apply -f "$ROOT/hack/kwok/storageclass.yaml" >/dev/null; }
  say "cluster $NAME is up"
  status
}

down() {
  tools_env
  if [ -d "$KWOK_WORKDIR/clusters/$NAME" ]; then
    say "deleting cluster $NAME"
    kwokctl --name "$NAME" delete cluster >&2
  fi
  rm -f "$KUBECONFIG_OUT"
  say "cluster $NAME is down"
}

status() {
  if ! running; then echo "cluster $NAME: not running"; return 1; fi
  echo "cluster $NAME: running"
  echo "kubeconfig: $KUBECONFIG_OUT"
  kc get nodes -L topology.kubernetes.io/zone
}

env_cmd() {
  tools_env
  echo "export PATH=\"$BIN:\$PATH\""
  echo "export KUBECONFIG=\"$KUBECONFIG_OUT\""
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  env) env_cmd ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
