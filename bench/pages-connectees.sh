#!/usr/bin/env bash
# Benchmark (not a test): throughput and latency of signed-in pages against the anonymous sign-in page.
# Same data as bench/membres-35000.sh: @etalab/decoupage-administratif 6.0.0 fetched with npm (not
# committed), its 34 875 communes with a SIREN and a population imported into a fresh SQLite database.
# Starts the published app on 127.0.0.1 only, signs in with curl, then runs wrk on each URL:
# 16 connections, 1 thread, 10 s, --latency, the session and antiforgery cookies as a header.
# Prints a markdown table: req/s, ratio to the sign-in page, p50, p99, and the app's CPU time per request
# (from /proc) with its ratio, which stays meaningful when other work shares the cores.
# Usage: bench/pages-connectees.sh   (PORT=5130 DUREE=10s TRAVAIL=artifacts/bench by default;
#        REUTILISER=1 keeps the app and database already published and imported in $TRAVAIL;
#        ECHAUFFEMENT=20s first loads each URL that long with wrk, unmeasured, so that the runtime has
#        compiled its code at full speed (by default only one request: the first URL, the sign-in page,
#        then also pays for the app's start-up compilation, which flatters every ratio; under this load
#        tiered compilation needs about 20 s per page, and 5 s left the sign-in page at 0.5-0.7 ms of CPU
#        per request instead of 0.27, which flattered every ratio by as much);
#        TOURS=n measures every URL n times, round after round, and gives the median of each column;
#        result also written to $TRAVAIL/pages-connectees.md)
set -euo pipefail
cd "$(dirname "$0")/.."
racine=$(pwd)
travail="${TRAVAIL:-$racine/artifacts/bench}"
port="${PORT:-5130}"
duree="${DUREE:-10s}"
mkdir -p "$travail"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

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

preparer=1
[ "${REUTILISER:-0}" = 1 ] && [ -f "$travail/pages.db" ] && [ -f "$travail/app-pages/Mutualisation.Web.dll" ] && preparer=0
if [ $preparer = 1 ]; then
  dotnet publish src/Mutualisation.Web -c Release -o "$travail/app-pages" --nologo -v q
  rm -f "$travail"/pages.db*
fi
# Request logging at Information to the console costs more than a small page: the benchmark keeps warnings only.
export ConnectionStrings__Mutualisation="Data Source=$travail/pages.db" ASPNETCORE_ENVIRONMENT=Development Demo__Semer=true
export Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$travail/logs/pages-.log"
[ $preparer = 1 ] && (cd "$travail/app-pages" && dotnet Mutualisation.Web.dll import-communes --epci 200000008 --file "$travail/toutes-communes.json" --millesime 2023 | head -1)

base="http://127.0.0.1:$port"
(cd "$travail/app-pages" && exec dotnet Mutualisation.Web.dll --urls "$base" >"$travail/app-pages.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done

bocal="$travail/cookies-pages.txt"; rm -f "$bocal"
jeton=$(curl -s -c "$bocal" "$base/compte/connexion" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$bocal" -c "$bocal" -o /dev/null -w "connexion : %{http_code}\n" \
  --data-urlencode "Courriel=agent.dsi@redon-agglomeration.demo" --data-urlencode "MotDePasse=Demo-Mutualisation-2026" \
  --data-urlencode "__RequestVerificationToken=$jeton" "$base/compte/connexion"
# A browser sends both cookies: the session and the antiforgery cookie (so pages reuse its token).
cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$bocal")
total=$(curl -s -H "Cookie: $cookie" "$base/api/v1/membres?taille=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "membres en base : $total"

urls=(/compte/connexion /compte/mot-de-passe /membres '/membres?q=saint' '/membres?q=redon' '/membres?tri=population&sens=desc' '/membres?page=1000'
      '/api/v1/membres?page=100&taille=200' /health/live /health/ready)
resultats="$travail/pages-connectees.tsv"; : >"$resultats"
for tour in $(seq "${TOURS:-1}"); do
  for u in "${urls[@]}"; do
    entete=(-H "Cookie: $cookie")
    [ "$u" = /compte/connexion ] && entete=()
    statut=$(curl -s -o /dev/null -w '%{http_code}' "${entete[@]}" "$base$u")
    curl -s -o /dev/null "${entete[@]}" "$base$u"  # warm-up of that page's code path
    [ -n "${ECHAUFFEMENT:-}" ] && [ "$tour" = 1 ] && wrk -t1 -c16 -d"$ECHAUFFEMENT" "${entete[@]}" "$base$u" >/dev/null
    cpu_avant=$(awk '{ print $14 + $15 }' "/proc/$app/stat")
    sortie=$(wrk -t1 -c16 -d"$duree" --latency "${entete[@]}" "$base$u")
    cpu_apres=$(awk '{ print $14 + $15 }' "/proc/$app/stat")
    printf '%s\t%s\t%s\t%s\n' "$u" "$statut" "$((cpu_apres - cpu_avant))" "$(echo "$sortie" | tr '\n' '|')" >>"$resultats"
  done
done

python3 - "$resultats" "$travail/pages-connectees.md" "$(getconf CLK_TCK)" <<'PY'
import re, sys
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
tic = 1000 / int(sys.argv[3])
lignes = []
for ligne in open(sys.argv[1], encoding="utf-8"):
    url, statut, tics, sortie = ligne.rstrip("\n").split("\t")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", sortie).group(1))
    requetes = int(re.search(r"(\d+) requests in", sortie).group(1))
    p50 = ms(re.search(r"50%\s+(\S+)", sortie).group(1))
    p99 = ms(re.search(r"99%\s+(\S+)", sortie).group(1))
    erreurs = re.search(r"Non-2xx or 3xx responses: (\d+)", sortie)
    cpu = int(tics) * tic / max(requetes, 1)
    lignes.append((url, statut, rps, p50, p99, int(erreurs.group(1)) if erreurs else 0, cpu))
# With TOURS=n every URL is measured n times, round after round (so that a slow spell of the machine falls on every
# URL alike); each column is then the median of its n measures.
from statistics import median
par_url = {}
for ligne in lignes:
    par_url.setdefault(ligne[0], []).append(ligne)
lignes = [(url, mesures[0][1], median(m[2] for m in mesures), median(m[3] for m in mesures), median(m[4] for m in mesures),
           sum(m[5] for m in mesures), median(m[6] for m in mesures)) for url, mesures in par_url.items()]
reference, cpu_reference = lignes[0][2], lignes[0][6]
# CPU time of the app per request (user + system, /proc/PID/stat): unlike req/s, it hardly moves when
# other processes share the cores, so its ratio says what the req/s ratio would be on an idle machine.
table = ["| URL | status | req/s | ratio to sign-in | p50 [ms] | p99 [ms] | app CPU per request [ms] | CPU ratio to sign-in |",
         "|:---|---:|---:|---:|---:|---:|---:|---:|"]
for url, statut, rps, p50, p99, erreurs, cpu in lignes:
    note = f" ({erreurs} non-2xx)" if erreurs else ""
    table.append(f"| `{url}` | {statut}{note} | {rps:,.0f} | {100 * rps / reference:.0f} % | {p50:.2f} | {p99:.2f} | {cpu:.2f} | {100 * cpu_reference / cpu:.0f} % |".replace(",", " "))
texte = "\n".join(table)
open(sys.argv[2], "w", encoding="utf-8").write(texte + "\n")
print(texte)
PY
