#!/usr/bin/env bash
# Follows a deployment guide (docs/deploy-*.md) literally, as a reader pasting its commands into one
# shell would: every ```sh block, in order, in one `bash -euo pipefail`, in a fresh directory.
#
#   it/src/guides/try-guide.sh docs/deploy-payara.md
#
# Blocks fenced otherwise (```text, ```nginx) are not run. An HTML comment on the line before a
# fence marks what this script treats specially:
#   <!-- try-guide: settings -->  the "set these first" block: run as written, then this script sets
#                                 the values a reader would choose for this machine — only variables
#                                 that block assigns (HERALD_HOME, HERALD_SRC, DB_NAME, DB_USER,
#                                 DB_PASSWORD); it fails if the guide stops assigning one of them.
#   <!-- try-guide: stop -->      the guide's stop command: run last, always, also when a step failed.
#   <!-- try-guide: logs -->      the guide's way to read the server log: run only when a step failed.
# Runs as root (CI) with PostgreSQL up on 127.0.0.1:5432 and sudo installed: the guide creates its
# database and role as the postgres user. Here they are named herald_guide_<pid>, and dropped at the
# end. The server is installed in a temporary directory, deleted at the end; no process started
# there outlives this script. Needs the ports 8080, 4848 and 9990 free.
#
# Downloads: the guides fetch server zips from Maven Central, skipping the download when the file is
# already there. Before the run this script puts a copy there from ~/.m2/repository (the same path
# as under repo1.maven.org/maven2) or from $HERALD_GUIDE_CACHE (default ~/.cache/herald-guides), and
# keeps what the guide downloaded in $HERALD_GUIDE_CACHE, so that a second run downloads nothing
# (the guide's SHA-1 check still fetches the small .sha1 file).
set -euo pipefail

if (($# != 1)); then
  echo "usage: $0 docs/deploy-<server>.md" >&2
  exit 2
fi
guide="$(realpath "$1")"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
cache="${HERALD_GUIDE_CACHE:-$HOME/.cache/herald-guides}"
started=$SECONDS

for port in 8080 4848 9990; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "try-guide: port $port is in use on this machine; the guides need it free" >&2
    exit 1
  fi
done

work="$(mktemp -d /tmp/herald-guide.XXXXXX)"
chmod 755 "$work" # as a home directory: sudo -u postgres may start in it
db="herald_guide_$$"

# Every process whose command line names the temporary directory: the servers the guide started.
started_here() {
  local dir
  for dir in /proc/[0-9]*; do
    if grep -qaF "$work" "$dir/cmdline" 2>/dev/null; then echo "${dir#/proc/}"; fi
  done
}

cleanup() {
  local rc=$? pids
  set +e
  for _ in $(seq 30); do
    pids="$(started_here)"
    [[ -z "$pids" ]] && break
    sleep 1
  done
  if [[ -n "$pids" ]]; then
    echo "try-guide: still running after the guide's stop command, killed: $(echo $pids)" >&2
    kill -9 $pids 2>/dev/null
    ((rc)) || rc=1
  fi
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $db' -c 'DROP ROLE IF EXISTS $db'" >/dev/null 2>&1
  # The server's whole log, from start to the guide's stop: none of Herald's stack traces (a
  # client's mistake or a shutdown must not log one), and none of the warnings Herald once caused
  # (deprecated Hibernate settings, Jackson switched on in RESTEasy, WildFly refusing scheduled
  # tasks while it suspends, RESTEasy's own stack trace for an unparsable request).
  local logs bad
  logs="$(find "$work" -name server.log -path '*log*' 2>/dev/null)"
  if [[ -n "$logs" ]]; then
    bad="$(grep -hE '^\s+at dev\.herald\.|WFLYEE0110|HHH90000029|WFLYRS0018|RESTEASY002130' $logs | head -n 20)"
    if [[ -n "$bad" ]]; then
      echo "try-guide: the server log has what Herald must not cause:" >&2
      echo "$bad" >&2
      ((rc)) || rc=1
    fi
  fi
  rm -rf "$work"
  echo "try-guide: $(basename "$guide") $( ((rc)) && echo FAILED || echo passed) in $((SECONDS - started)) s"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# The blocks: kind (settings, stop, logs or run), the guide's line, the text.
awk -v out="$work/blocks" '
  /^<!-- try-guide: [a-z]+ -->$/ { mark = $3; next }
  /^```sh$/ && !inside { inside = 1; n++; kind = (mark == "" ? "run" : mark);
                         file = sprintf("%s/%02d.%s", out, n, kind); print "# line " NR > file; mark = ""; next }
  /^```/ && inside { inside = 0; close(file); next }
  inside { print > file; next }
  { if ($0 != "") mark = "" }
' < <(mkdir -p "$work/blocks"; cat "$guide")
settings=("$work"/blocks/*.settings)
if ((${#settings[@]} != 1)) || [[ ! -f "${settings[0]}" ]]; then
  echo "try-guide: the guide needs exactly one block marked <!-- try-guide: settings -->" >&2
  exit 1
fi

# This machine's values, for the variables the guide tells its reader to choose.
password="$(openssl rand -hex 16)"
declare -A mine=(
  [HERALD_HOME]="$work/server"
  [HERALD_SRC]="$repo"
  [DB_NAME]="$db"
  [DB_USER]="$db"
  [DB_PASSWORD]="$password"
)
for name in "${!mine[@]}"; do
  if ! grep -q "^$name=" "${settings[0]}"; then
    echo "try-guide: the guide's settings no longer set $name; update this script" >&2
    exit 1
  fi
done

# Downloads already made: in place before the guide looks for them.
mkdir -p "$work/server"
while read -r path; do
  for copy in "$HOME/.m2/repository/$path" "$cache/$path"; do
    if [[ -f "$copy" ]]; then
      ln -s "$copy" "$work/server/$(basename "$path")"
      break
    fi
  done
done < <(cat "$work"/blocks/* | grep -o 'https://repo1\.maven\.org/maven2/[^" ]*\.zip' | sed 's|^https://repo1\.maven\.org/maven2/||' | sort -u)

{
  echo 'set -euo pipefail'
  echo "cd '$work'"
  # The guide's stop command always runs last; its logs only after a failure.
  echo '__try_guide_exit() {'
  echo '  local rc=$?'
  echo '  set +eu'
  echo '  if ((rc)); then echo "#### try-guide: a step failed ($rc); the guide'"'"'s logs:"'
  for block in "$work"/blocks/*.logs; do [[ -f "$block" ]] && cat "$block"; done
  echo '  fi'
  echo '  echo "#### try-guide: the guide'"'"'s stop command"'
  for block in "$work"/blocks/*.stop; do [[ -f "$block" ]] && cat "$block"; done
  echo '  exit $rc'
  echo '}'
  echo 'trap __try_guide_exit EXIT'
  echo "trap 'exit 143' TERM INT"
  for block in "$work"/blocks/*; do
    case "$block" in
      *.run | *.settings)
        echo "echo; echo \"#### \$(date -u +%T) $(basename "$guide") $(head -n 1 "$block" | cut -c3-)\""
        cat "$block"
        ;;
    esac
    if [[ "$block" == *.settings ]]; then
      echo '# try-guide: this machine'"'"'s values'
      for name in "${!mine[@]}"; do printf '%s=%q\n' "$name" "${mine[$name]}"; done
    fi
  done
  echo 'echo "#### try-guide: every step passed"'
} > "$work/guide.sh"

rc=0
timeout --signal=TERM 1200 bash "$work/guide.sh" || rc=$?

# What the guide downloaded, kept for the next run.
for file in "$work"/server/*.zip; do
  [[ -f "$file" && ! -L "$file" ]] || continue
  path="$(cat "$work"/blocks/* | grep -o "https://repo1\.maven\.org/maven2/[^\" ]*/$(basename "$file")" | head -n 1 | sed 's|^https://repo1\.maven\.org/maven2/||')"
  if [[ -n "$path" ]]; then
    mkdir -p "$(dirname "$cache/$path")"
    cp "$file" "$cache/$path.part" && mv "$cache/$path.part" "$cache/$path"
  fi
done
exit "$rc"
