#!/usr/bin/env bash
# The fault soak (issue #9, "Faults at the worst moment"): two app instances (two processes, one database) run concurrent
# TOTP and WebAuthn enrollments and sign-ins and replay each other's accepted codes and assertions, while every client
# backend of the soak database is terminated every 2-10 s; then the checker reads both logs and the database and fails on
# any violated invariant.
#
#   scripts/soak.sh [SECONDS] [--pgbouncer] [--restart] [--seed N] [--workers N] [--recovery-limit-ms N]
#
# SECONDS defaults to 30. --pgbouncer runs the instances through a PgBouncer of its own (transaction pooling, a free
# port, a throw-away config; the kills still go to the server's backends). --restart also restarts the PostgreSQL
# cluster once, halfway (never in CI: it restarts the server every other user of it shares). Needs MFA_TEST_POSTGRES
# (an admin connection, as for the tests); SOAK_DATABASE (default mfa_soak) is dropped and created: it must be the
# soak's alone. Logs and the summary stay in SOAK_OUT (default a new /tmp/mfa-soak.* directory). --recovery-limit-ms
# (default 1000): how long after a fault each instance may take to succeed again.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30 pgbouncer=0 restart=0 seed=1 workers=6 recovery_limit=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --pgbouncer) pgbouncer=1 ;;
    --restart) restart=1 ;;
    --seed) seed=$2; shift ;;
    --workers) workers=$2; shift ;;
    --recovery-limit-ms) recovery_limit=$2; shift ;;
    [0-9]*) duration=$1 ;;
    *) echo "usage: scripts/soak.sh [SECONDS] [--pgbouncer] [--restart] [--seed N] [--workers N] [--recovery-limit-ms N]" >&2; exit 2 ;;
  esac
  shift
done

admin=${MFA_TEST_POSTGRES:?set MFA_TEST_POSTGRES to an admin connection string (see README, Test it)}
database=${SOAK_DATABASE:-mfa_soak}
out=${SOAK_OUT:-$(mktemp -d /tmp/mfa-soak.XXXXXX)}
mkdir -p "$out"
rm -f "$out"/*.jsonl "$out/summary.txt"

field() { printf '%s' "$admin" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -n 1; }
host=$(field Host); port=$(field Port); port=${port:-5432}
password=$(field Password); username=$(field Username)
direct=$(printf '%s' "$admin" | sed -E "s/(^|;)Database=[^;]*/\1Database=${database}/I")
case "$direct" in *"Database=${database}"*) ;; *) direct="${direct};Database=${database}" ;; esac

dotnet build tools/Mfa.Soak --nologo -v q -clp:ErrorsOnly > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
soak() { dotnet tools/Mfa.Soak/bin/Debug/net10.0/Mfa.Soak.dll "$@"; }

soak setup --admin "$admin" --database "$database"

connection=$direct
bouncer_dir=
stop_pgbouncer() {
  if [ -n "$bouncer_dir" ] && [ -f "$bouncer_dir/pgbouncer.pid" ]; then kill "$(cat "$bouncer_dir/pgbouncer.pid")" 2>/dev/null || true; fi
}
trap stop_pgbouncer EXIT
if [ "$pgbouncer" = 1 ]; then
  # As .ci/run starts its PgBouncer: a throw-away config on a free port, run as postgres when we are root.
  pgbouncer_bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
  bouncer_dir=$(mktemp -d /tmp/mfa-soak-pgbouncer.XXXXXX)
  bouncer_port=6500
  while (echo > "/dev/tcp/127.0.0.1/${bouncer_port}") 2>/dev/null; do bouncer_port=$((bouncer_port + 1)); done
  cat > "$bouncer_dir/pgbouncer.ini" <<INI
[databases]
${database} = host=${host} port=${port} dbname=${database}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${bouncer_port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${bouncer_dir}/userlist.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 40
ignore_startup_parameters = extra_float_digits,search_path
logfile = ${bouncer_dir}/pgbouncer.log
pidfile = ${bouncer_dir}/pgbouncer.pid
INI
  echo "\"${username}\" \"${password}\"" > "$bouncer_dir/userlist.txt"
  chmod 755 "$bouncer_dir"
  chmod 644 "$bouncer_dir/pgbouncer.ini" "$bouncer_dir/userlist.txt"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$bouncer_dir"
    su postgres -s /bin/sh -c "$pgbouncer_bin -d $bouncer_dir/pgbouncer.ini"
  else
    "$pgbouncer_bin" -d "$bouncer_dir/pgbouncer.ini"
  fi
  for _ in $(seq 1 30); do
    if (echo > "/dev/tcp/127.0.0.1/${bouncer_port}") 2>/dev/null; then break; fi
    sleep 1
  done
  connection=$(printf '%s' "$direct" | sed -E "s/(^|;)Port=[^;]*/\1Port=${bouncer_port}/I")
  case "$connection" in *"Port=${bouncer_port}"*) ;; *) connection="${connection};Port=${bouncer_port}" ;; esac
fi

restart_args=()
if [ "$restart" = 1 ]; then
  cluster=$(pg_lsclusters -h | awk -v p="$port" '$3 == p {print $1" "$2; exit}')
  restart_args=(--restart "$cluster")
fi

mode=direct; [ "$pgbouncer" = 1 ] && mode=pgbouncer
echo "soak: ${duration} s, ${mode}$([ "$restart" = 1 ] && echo ', one restart'), seed ${seed}, logs in ${out}"
soak faults --admin "$admin" --database "$database" --duration "$duration" --seed "$seed" --log "$out/faults.jsonl" "${restart_args[@]}" &
faults_pid=$!
soak run --instance a --connection "${connection};Application Name=mfa-soak-a" --duration "$duration" --seed "$seed" --workers "$workers" --log "$out/a.jsonl" --peer-log "$out/b.jsonl" &
a_pid=$!
soak run --instance b --connection "${connection};Application Name=mfa-soak-b" --duration "$duration" --seed "$seed" --workers "$workers" --log "$out/b.jsonl" --peer-log "$out/a.jsonl" &
b_pid=$!
status=0
wait "$a_pid" || status=1
wait "$b_pid" || status=1
wait "$faults_pid" || status=1

soak check --logs "$out/a.jsonl,$out/b.jsonl" --faults "$out/faults.jsonl" --connection "$direct" --recovery-limit-ms "$recovery_limit" | tee "$out/summary.txt" || status=1
exit "$status"
