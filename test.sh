#!/usr/bin/env bash
# The test command (README, CI). On a fresh machine it installs and starts what the tests need:
# a throwaway PostgreSQL cluster on 127.0.0.1, Debian's Chromium, axe-core. It runs the domain
# tests once and the web tests (integration, browser, deployment) against SQLite then PostgreSQL,
# and ends with one line: "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
racine=$(pwd)
journal="$racine/artifacts/tests"
mkdir -p "$journal"

say() { printf '==> %s\n' "$*"; }

# 1. What the tests need, installed only when missing.
paquets=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || paquets+=(chromium)
bindir=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] || paquets+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || paquets+=(poppler-utils)
if ((${#paquets[@]})); then
  say "Installation : ${paquets[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$journal/apt.log" 2>&1
  apt-get install -y -qq "${paquets[@]}" >>"$journal/apt.log" 2>&1 || { echo "apt-get install a échoué (voir $journal/apt.log)"; echo "Tests: 0 passed, 1 failed"; exit 1; }
  bindir=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
say "axe-core (npm ci)"
npm ci --prefix tests/Mutualisation.Web.Tests --no-audit --no-fund --loglevel=error >"$journal/npm.log" 2>&1 \
  || { echo "npm ci a échoué (voir $journal/npm.log)"; echo "Tests: 0 passed, 1 failed"; exit 1; }

# 2. A throwaway PostgreSQL cluster on a free loopback port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pgdata=$(mktemp -d /tmp/mutualisation-pg.XXXXXX)
en_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdata"
arreter_postgres() { en_postgres "$bindir/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdata"; }
trap arreter_postgres EXIT
say "PostgreSQL sur 127.0.0.1:$port"
en_postgres "$bindir/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$journal/initdb.log" 2>&1 \
  && en_postgres "$bindir/pg_ctl" -D "$pgdata" -l "$pgdata/serveur.log" -w -o "-h 127.0.0.1 -p $port -k $pgdata -c fsync=off" start >"$journal/pg_ctl.log" 2>&1 \
  || { echo "PostgreSQL n'a pas démarré (voir $journal)"; echo "Tests: 0 passed, 1 failed"; exit 1; }
export MUTUALISATION_TESTS_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"

# 3. Build once, then run.
say "Compilation"
dotnet tool restore >/dev/null
if ! dotnet build Mutualisation.sln -c Release -nologo -v q >"$journal/build.log" 2>&1; then
  grep -E " error " "$journal/build.log" | sort -u | head -30
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

# The Dockerfile's own publish command, once, before any test runs (DeploiementTests starts its output).
say "Publication (commande du Dockerfile)"
publication="$racine/artifacts/publication"
rm -rf "$publication"
commande=$(sed -n 's|^RUN dotnet publish |publish |p' Dockerfile | sed "s| -o /app| -o $publication|")
if ! dotnet $commande >"$journal/publish.log" 2>&1; then
  tail -20 "$journal/publish.log"; echo "Tests: 0 passed, 1 failed"; exit 1
fi
export MUTUALISATION_TESTS_PUBLICATION="$publication"

passes=0; echecs=0
lancer() { # lancer <libellé> <projet> [variables...]
  local libelle=$1 projet=$2; shift 2
  say "Tests $libelle"
  local sortie="$journal/$libelle.log"
  env "$@" dotnet test "$projet" -c Release --no-build -nologo --logger "console;verbosity=minimal" >"$sortie" 2>&1
  local ligne
  ligne=$(grep -E "^(Passed|Failed)!" "$sortie" | tail -1)
  if [ -z "$ligne" ]; then
    echo "  aucun résumé : le lancement a échoué (voir $sortie)"; tail -20 "$sortie"
    echecs=$((echecs + 1)); return
  fi
  local p f
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$ligne")
  f=$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$ligne")
  passes=$((passes + p)); echecs=$((echecs + f))
  echo "  $p réussis, $f en échec"
  # For each failure: its name, the first lines of its message and the test's own lines of the stack trace.
  [ "$f" = 0 ] || grep -E "^\s+Failed |Error Message" -A3 "$sortie" | head -60
  [ "$f" = 0 ] || grep -E "^\s+at Mutualisation\..*Tests.* in .*:line [0-9]+" "$sortie" | sed -E 's|in .*/tests/|in tests/|' | head -20
}

lancer domaine tests/Mutualisation.Domain.Tests
lancer facturation tests/Mutualisation.Billing.Tests
lancer web-sqlite tests/Mutualisation.Web.Tests MUTUALISATION_TESTS_BASE=Sqlite
lancer web-postgres tests/Mutualisation.Web.Tests MUTUALISATION_TESTS_BASE=Postgres

echo "Tests: $passes passed, $echecs failed"
[ "$echecs" = 0 ]
