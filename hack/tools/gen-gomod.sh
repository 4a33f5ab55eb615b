#!/usr/bin/env bash
# Regenerates the pinned wrapper modules that build the cluster tools from the Go module proxy.
# Run only when bumping a version; the generated go.mod/go.sum files are committed.
set -euo pipefail
K8S_VERSION="${K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"
HELM_VERSION="${HELM_VERSION:-v3.22.0}"
TPO_VERSION="${TPO_VERSION:-v3.4.0}"
HERE="$(cd "$(dirname "$0")" && pwd)"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

gen_kube() {
  local staging="v0.${K8S_VERSION#v1.}" upstream
  cd "$HERE/kube" && rm -f go.mod go.sum
  go mod init local.invalid/kube-tools >/dev/null 2>&1
  upstream=$(go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')
  sed -i "s/^go .*/$(grep -m1 '^go ' "$upstream")/" go.mod
  grep '^godebug' "$upstream" >> go.mod || true
  # Every staging module the upstream go.mod points at ./staging is pinned to its published twin.
  grep -oE 'k8s\.io/[a-z0-9.-]+ => \./staging/src/k8s\.io/[a-z0-9.-]+' "$upstream" \
    | awk -v v="$staging" '{print "replace " $1 " => " $1 " " v}' >> go.mod
  for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    go get -tool "k8s.io/kubernetes/cmd/${c}@${K8S_VERSION}"
  done
  go mod tidy
}

gen_simple() { # dir module-path version tool-packages...
  local dir="$1" mod="$2" ver="$3"; shift 3
  cd "$HERE/$dir" && rm -f go.mod go.sum
  go mod init "local.invalid/${dir}-tools" >/dev/null 2>&1
  go mod edit -go=1.26.0 # any 1.26.x toolchain may build it
  for p in "$@"; do go get -tool "${p}@${ver}"; done
  go mod tidy
}

gen_kube
gen_simple etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION" go.etcd.io/etcd/server/v3
gen_simple kwok sigs.k8s.io/kwok "$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl
gen_simple helm helm.sh/helm/v3 "$HELM_VERSION" helm.sh/helm/v3/cmd/helm
gen_simple terraform-provider github.com/terraform-provider-openstack/terraform-provider-openstack/v3 "$TPO_VERSION" github.com/terraform-provider-openstack/terraform-provider-openstack/v3
