#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, when missing: Debian's openstack client,
# Tempest and OpenSSH's client tools. (Go-built cluster tools come from hack/tools/build.sh.)
set -euo pipefail
need=()
command -v openstack >/dev/null 2>&1 || need+=(python3-openstackclient)
command -v tempest >/dev/null 2>&1 || need+=(tempest)
# The keypair tests check Nova's fingerprints and generated keys against OpenSSH's own tools.
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "[deps] installing Debian packages: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
if [ ! -d "$(dirname "$0")/../node_modules" ]; then
  echo "[deps] installing npm packages" >&2
  (cd "$(dirname "$0")/.." && npm ci --no-audit --no-fund >&2)
fi
