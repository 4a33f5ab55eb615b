#!/usr/bin/env bash
# Builds the local cluster's binaries (kube-apiserver, kube-controller-manager, kube-scheduler,
# kubectl, etcd, kwok, kwokctl) from the pinned wrapper modules beside this script, into a cache
# outside the work tree. Skips every binary that is already there at the right version.
# `--with-helm` also builds helm, which only the chart tests need (npm start does not), and
# `--with-terraform-provider` terraform-provider-openstack, into a filesystem mirror under the bin
# directory (terraform-plugins/), which only the Terraform end-to-end test uses.
# Prints the bin directory on stdout; progress, with the time still to go, goes to stderr.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
say() { printf '[tools %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

version_of() { (cd "$HERE/$1" && go list -m -f '{{.Version}}' "$2"); }
K8S=$(version_of kube k8s.io/kubernetes)
ETCD=$(version_of etcd go.etcd.io/etcd/server/v3)
KWOK=$(version_of kwok sigs.k8s.io/kwok)
HELM=$(version_of helm helm.sh/helm/v3)
TPO=$(version_of terraform-provider github.com/terraform-provider-openstack/terraform-provider-openstack/v3)
BIN="${OPENSTACK_SIM_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/openstack-sim/tools/k8s-${K8S}_etcd-${ETCD}_kwok-${KWOK}}"
mkdir -p "$BIN"

# The directory is keyed by the cluster's versions; helm's marker carries its own version.
marker() {
  case "$1" in
    helm) echo "$BIN/.helm-$HELM.ok" ;;
    "$TPO_PATH") echo "$BIN/.terraform-provider-openstack-$TPO.ok" ;;
    *) echo "$BIN/.$1.ok" ;;
  esac
}
built() { [ -x "$BIN/$1" ] && [ -f "$(marker "$1")" ]; }
# Terraform finds a provider in a filesystem mirror by registry host, namespace, type, version and platform.
TPO_PATH="terraform-plugins/registry.terraform.io/terraform-provider-openstack/openstack/${TPO#v}/$(go env GOOS)_$(go env GOARCH)/terraform-provider-openstack_${TPO}"

build_one() { # name module-dir package [ldflags]
  local name="$1" dir="$2" pkg="$3" ld="${4:--s -w}" start=$SECONDS
  if built "$name"; then return 0; fi
  mkdir -p "$(dirname "$BIN/$name")"
  say "building $name from $pkg (cold builds take minutes; kube-apiserver the longest)"
  (cd "$HERE/$dir" && go build -trimpath -ldflags "$ld" -o "$BIN/$name" "$pkg" 2>&1 | sed 's/^/    /' >&2)
  touch "$(marker "$name")"
  say "built $name in $((SECONDS - start))s"
}

kube_ldflags() {
  local minor date ld="-s -w"
  minor=$(echo "$K8S" | cut -d. -f2)
  date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%dT%H:%M:%SZ)
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitVersion=$K8S -X $p.gitMajor=1 -X $p.gitMinor=$minor"
    ld+=" -X $p.gitTreeState=clean -X $p.gitCommit=unknown -X $p.buildDate=$date"
  done
  echo "$ld"
}

# Seconds each cold build took on 2 cores, module downloads included (docs/local-cluster.md);
# used only to tell the user how long the rest will take.
declare -A TYPICAL=([etcd]=135 [kwok]=230 [kwokctl]=35 [helm]=210 [kube-apiserver]=380
  [kube-controller-manager]=105 [kube-scheduler]=15 [kubectl]=40 ["$TPO_PATH"]=240)

announce() { # binaries still to build
  local total=0 n
  for n in "$@"; do total=$((total + TYPICAL[$n])); done
  say "$# binaries to build into $BIN: ${*}"
  say "first build: about $(( (total + 59) / 60 )) minutes on 2 cores (each binary prints when done); later runs skip it"
}

main() {
  local with_helm=0 with_tpo=0 start=$SECONDS todo=() n arg
  for arg in "$@"; do
    case "$arg" in
      --with-helm) with_helm=1 ;;
      --with-terraform-provider) with_tpo=1 ;;
      *) say "unknown option $arg"; exit 2 ;;
    esac
  done
  local wanted=(etcd kwok kwokctl kube-apiserver kube-controller-manager kube-scheduler kubectl)
  [ "$with_helm" -eq 0 ] || wanted+=(helm)
  [ "$with_tpo" -eq 0 ] || wanted+=("$TPO_PATH")
  for n in "${wanted[@]}"; do built "$n" || todo+=("$n"); done
  [ ${#todo[@]} -eq 0 ] || announce "${todo[@]}"
  build_one etcd etcd go.etcd.io/etcd/server/v3
  build_one kwok kwok sigs.k8s.io/kwok/cmd/kwok
  build_one kwokctl kwok sigs.k8s.io/kwok/cmd/kwokctl
  [ "$with_helm" -eq 0 ] || build_one helm helm helm.sh/helm/v3/cmd/helm "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM"
  [ "$with_tpo" -eq 0 ] || build_one "$TPO_PATH" terraform-provider github.com/terraform-provider-openstack/terraform-provider-openstack/v3
  local ld; ld=$(kube_ldflags)
  for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    build_one "$c" kube "k8s.io/kubernetes/cmd/$c" "$ld"
  done
  [ ${#todo[@]} -eq 0 ] || say "all tools ready in $((SECONDS - start))s"
  echo "$BIN"
}
main "$@"
