#!/usr/bin/env bash
# Benchmark (not a test): price every French commune (Etalab communes.json, fetched with npm, not
# committed) for the four Redon formules with the billing engine; goal under 100 ms per full pass
# after warm-up. Usage: bench/tarification-communes.sh [passes]
set -euo pipefail
cd "$(dirname "$0")/.."
travail="$(pwd)/artifacts/bench"
mkdir -p "$travail"
if [ ! -f "$travail/package/data/communes.json" ]; then
  (cd "$travail" && npm pack @etalab/decoupage-administratif@6.0.0 --silent >/dev/null && tar xzf etalab-decoupage-administratif-6.0.0.tgz)
fi
dotnet run -c Release --project bench/Tarification -- "$travail/package/data/communes.json" "${1:-30}"
