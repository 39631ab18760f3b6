#!/usr/bin/env bash
# Benchmark (not a test): the members list with every French commune (~35 000).
# Fetches @etalab/decoupage-administratif 6.0.0 with npm (not committed), imports all communes
# into a fresh SQLite database with the import-communes command, starts the published app on
# 127.0.0.1 and times list, search, sort and deep paging with hyperfine.
# Usage: bench/membres-35000.sh   (results: artifacts/bench/membres.md)
set -euo pipefail
cd "$(dirname "$0")/.."
racine=$(pwd)
travail="$racine/artifacts/bench"
mkdir -p "$travail"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

if [ ! -f "$travail/package/data/communes.json" ]; then
  (cd "$travail" && npm pack @etalab/decoupage-administratif@6.0.0 --silent >/dev/null && tar xzf etalab-decoupage-administratif-6.0.0.tgz)
fi

# One pseudo-EPCI holding every commune that has a SIREN and a population (import-communes' input format).
python3 - "$travail/package/data/communes.json" "$travail/toutes-communes.json" <<'PY'
import json, sys
communes = json.load(open(sys.argv[1], encoding="utf-8"))
membres = [{"code": c["code"], "siren": c["siren"], "nom": c["nom"], "populationTotale": c["population"], "populationMunicipale": c["population"]}
           for c in communes if c.get("type") == "commune-actuelle" and c.get("siren") and c.get("population") is not None]
json.dump([{"code": "200000008", "nom": "Toutes les communes", "membres": membres}], open(sys.argv[2], "w", encoding="utf-8"))
print(f"{len(membres)} communes")
PY

dotnet publish src/Mutualisation.Web -c Release -o "$travail/app" --nologo -v q
rm -f "$travail"/bench.db*
export ConnectionStrings__Mutualisation="Data Source=$travail/bench.db" ASPNETCORE_ENVIRONMENT=Development Demo__Semer=true
export Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$travail/logs/bench-.log"
(cd "$travail/app" && /usr/bin/time -f "import : %e s, %M Ko max" dotnet Mutualisation.Web.dll import-communes --epci 200000008 --file "$travail/toutes-communes.json" --millesime 2023 | head -1)

port=5099
(cd "$travail/app" && dotnet Mutualisation.Web.dll --urls "http://127.0.0.1:$port" >"$travail/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

bocal="$travail/cookies.txt"; rm -f "$bocal"
jeton=$(curl -s -c "$bocal" "http://127.0.0.1:$port/compte/connexion" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$bocal" -c "$bocal" -o /dev/null -w "connexion : %{http_code}\n" \
  --data-urlencode "Courriel=agent.dsi@redon-agglomeration.demo" --data-urlencode "MotDePasse=Demo-Mutualisation-2026" \
  --data-urlencode "__RequestVerificationToken=$jeton" "http://127.0.0.1:$port/compte/connexion"
total=$(curl -s -b "$bocal" "http://127.0.0.1:$port/api/v1/membres?taille=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "membres en base : $total"

url() { echo "curl -sf -o /dev/null -b $bocal 'http://127.0.0.1:$port$1'"; }
hyperfine --warmup 5 --runs 50 --export-markdown "$travail/membres.md" \
  -n "liste, page 1" "$(url /membres)" \
  -n "liste, page 1000" "$(url '/membres?page=1000')" \
  -n "tri population desc" "$(url '/membres?tri=population&sens=desc')" \
  -n "recherche 'saint'" "$(url '/membres?q=saint')" \
  -n "recherche code INSEE" "$(url '/membres?q=35236')" \
  -n "API page 100 x 200" "$(url '/api/v1/membres?page=100&taille=200')"
cat "$travail/membres.md"
