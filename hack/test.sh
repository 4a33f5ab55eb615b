#!/usr/bin/env bash
# `npm test`: static checks, unit and meta tests, then integration and end-to-end tests (the
# openstack CLI, kubectl and Tempest) against a real local cluster. Prints one closing line:
# "tests: N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/.openstack-sim/test-logs"; mkdir -p "$LOGS"
PASSED=0; FAILED=0; SKIPPED=0; STEPS_FAILED=()
say() { printf '\n[test %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

count_mocha() { # log-file
  local p f s
  p=$(grep -Eo '^\s*[0-9]+ passing' "$1" | grep -Eo '[0-9]+' | tail -1); f=$(grep -Eo '^\s*[0-9]+ failing' "$1" | grep -Eo '[0-9]+' | tail -1)
  s=$(grep -Eo '^\s*[0-9]+ pending' "$1" | grep -Eo '[0-9]+' | tail -1)
  PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0})); SKIPPED=$((SKIPPED + ${s:-0}))
}

step() { # name command...
  local name="$1"; shift
  say "$name"
  if "$@" 2>&1 | tee "$LOGS/$name.log"; then return 0; fi
  STEPS_FAILED+=("$name"); return 1
}

mocha_step() { # name glob [timeout]
  local name="$1"; shift
  step "$name" npx mocha "$@"; local rc=$?
  count_mocha "$LOGS/$name.log"
  # A suite that crashed before reporting still counts as a failure.
  if [ $rc -ne 0 ] && ! grep -Eq '[0-9]+ failing' "$LOGS/$name.log"; then FAILED=$((FAILED + 1)); fi
}

bash hack/install-deps.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
step typecheck npx tsc --noEmit -p tsconfig.json || FAILED=$((FAILED + 1))
step generated-types npx tsx hack/gen-types.ts --check || FAILED=$((FAILED + 1))
step lint npx eslint . || FAILED=$((FAILED + 1))
mocha_step unit 'test/unit/**/*.test.ts' 'test/meta/**/*.test.ts'
export OPENSTACK_SIM_STATE="$ROOT/.openstack-sim/test"
# The cluster's tools, helm and the Terraform provider (the chart and Terraform tests need them;
# npm start does not). The first build prints how long it will take; later runs find everything
# in the cache.
step tools bash hack/tools/build.sh --with-helm --with-terraform-provider || FAILED=$((FAILED + 1))
# The cluster's components run detached: take them down however this script ends.
cleanup() { [ "${KEEP_CLUSTER:-}" = 1 ] || bash hack/cluster.sh down >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if step cluster-up bash hack/cluster.sh up; then
  mocha_step integration --timeout 120000 'test/integration/**/*.test.ts'
  mocha_step e2e --require test/e2e/support/hooks.ts --timeout 600000 'test/e2e/**/*.test.ts'
else
  FAILED=$((FAILED + 1))
fi

[ ${#STEPS_FAILED[@]} -eq 0 ] || say "failed steps: ${STEPS_FAILED[*]} (logs in $LOGS)"
echo "tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ] && [ ${#STEPS_FAILED[@]} -eq 0 ]
