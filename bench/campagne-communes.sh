#!/usr/bin/env bash
# Benchmark (not a test): the annual campaign for every French commune (~35 000), on SQLite and on PostgreSQL.
# Fetches @etalab/decoupage-administratif 6.0.0 with npm (not committed), imports every commune that has a SIREN and
# a population into a fresh database with the app's import-communes command (REDON Agglomération's demo profile:
# catalogue, issuer settings), gives each a convention in force and an adhésion for the exercice (bench/Campagne
# adherer), then runs the campaign through the application's classes (bench/Campagne campagne): dry run, issue in
# one bordereau with every avis des sommes à payer rendered and stored, then the bordereau's PES V2 file (bench/Campagne
# pes; PES=0 skips it).
# Usage: bench/campagne-communes.sh [sqlite|postgres|tout]   (results on the console; work files in artifacts/bench)
set -euo pipefail
cd "$(dirname "$0")/.."
racine=$(pwd)
travail="$racine/artifacts/bench"
bases=${1:-tout}
exercice=$(( $(date +%Y) ))
mkdir -p "$travail"

if [ ! -f "$travail/package/data/communes.json" ]; then
  (cd "$travail" && npm pack @etalab/decoupage-administratif@6.0.0 --silent >/dev/null && tar xzf etalab-decoupage-administratif-6.0.0.tgz)
fi
python3 - "$travail/package/data/communes.json" "$travail/toutes-communes.json" <<'PY'
import json, sys
communes = json.load(open(sys.argv[1], encoding="utf-8"))
membres = [{"code": c["code"], "siren": c["siren"], "nom": c["nom"], "populationTotale": c["population"], "populationMunicipale": c["population"]}
           for c in communes if c.get("type") == "commune-actuelle" and c.get("siren") and c.get("population") is not None]
json.dump([{"code": "200000008", "nom": "Toutes les communes", "membres": membres}], open(sys.argv[2], "w", encoding="utf-8"))
json.dump({c["code"]: c["codesPostaux"][0] for c in communes if c.get("type") == "commune-actuelle" and c.get("codesPostaux")},
          open(sys.argv[2].replace("toutes-communes", "codes-postaux"), "w", encoding="utf-8"))
print(f"{len(membres)} communes")
PY

dotnet publish src/Mutualisation.Web -c Release -o "$travail/app" --nologo -v q
# Published like the app (ready to run, ADR 0030): the campaign's figures are those of production's code.
dotnet publish bench/Campagne -c Release -o "$travail/banc" --nologo -v q
banc="$travail/banc/Mutualisation.Bench.Campagne.dll"
export ASPNETCORE_ENVIRONMENT=Development Demo__Semer=true Serilog__MinimumLevel__Default=Warning

mesurer() { # fournisseur, chaîne de connexion
  echo "== $1"
  # The app's first start creates the schema and seeds the demo profile (catalogue voted, issuer settings), then stops.
  local port_app
  port_app=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$travail/app" && Database__Provider=$1 ConnectionStrings__Mutualisation="$2" exec dotnet Mutualisation.Web.dll --urls "http://127.0.0.1:$port_app" >"$travail/app-$1.log" 2>&1) &
  local app=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port_app/health/ready" >/dev/null && break; sleep 1; done
  kill "$app"; wait "$app" 2>/dev/null || true
  (cd "$travail/app" && Database__Provider=$1 ConnectionStrings__Mutualisation="$2" /usr/bin/time -f "import : %e s, %M Ko max" \
    dotnet Mutualisation.Web.dll import-communes --epci 200000008 --file "$travail/toutes-communes.json" --millesime 2023 | head -1)
  /usr/bin/time -f "adhésions : %e s, %M Ko max" dotnet "$banc" adherer --fournisseur "$1" --connexion "$2" --exercice "$exercice" --codes-postaux "$travail/codes-postaux.json" | tail -2
  /usr/bin/time -f "campagne (processus entier) : %e s, %M Ko max" dotnet "$banc" campagne --fournisseur "$1" --connexion "$2" --exercice "$exercice"
  [ "${PES:-1}" = 1 ] && /usr/bin/time -f "PES V2 (processus entier) : %e s, %M Ko max" dotnet "$banc" pes --fournisseur "$1" --connexion "$2" --exercice "$exercice"
}

if [ "$bases" != postgres ]; then
  rm -f "$travail"/campagne.db*
  mesurer Sqlite "Data Source=$travail/campagne.db"
fi

if [ "$bases" != sqlite ]; then
  bindir=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pgdata=$(mktemp -d /tmp/mutualisation-banc-pg.XXXXXX)
  en_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$pgdata"
  trap 'en_postgres "$bindir/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdata"' EXIT
  en_postgres "$bindir/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  en_postgres "$bindir/pg_ctl" -D "$pgdata" -l "$pgdata/serveur.log" -w -o "-h 127.0.0.1 -p $port -k $pgdata" start >/dev/null
  mesurer Postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=banc_campagne"
fi
