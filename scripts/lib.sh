#!/usr/bin/env bash
# Shared by the scripts: pick a JDK >= 21, configure Maven for it, and keep the build current.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_JAR="$ROOT/local-stack/target/local-stack.jar"
LOCAL_DIR="$ROOT/.local"

say() { printf '• %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

# JAVA_HOME if it is a JDK >= 21; else the newest JDK >= 21 under /usr/lib/jvm; else java on PATH.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] || continue
    major="$(java_major "$dir/bin/java" 2>/dev/null || echo 0)"
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return; fi
  if command -v javac >/dev/null 2>&1; then
    local home; home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if [ "$(java_major "$home/bin/java")" -ge 21 ]; then echo "$home"; return; fi
  fi
  fail "a JDK 21 or newer is needed (set JAVA_HOME, or install one under /usr/lib/jvm)"
}

JAVA_HOME="$(find_jdk)"
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
JAVA_MAJOR="$(java_major "$JAVA_HOME/bin/java")"

# Flags that keep newer JDKs quiet about libraries that use sun.misc.Unsafe (Maven's Guava, Pekko in
# ElasticMQ) or load native code (DuckDB's JDBC driver, for the local catalog build).
JAVA_RUN_FLAGS=()
if [ "$JAVA_MAJOR" -ge 22 ]; then JAVA_RUN_FLAGS+=(--enable-native-access=ALL-UNNAMED); fi
if [ "$JAVA_MAJOR" -ge 24 ]; then
  JAVA_RUN_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

command -v mvn >/dev/null 2>&1 || fail "Apache Maven 3.8+ is needed (Debian: apt-get install maven)"

# Moto's server (DynamoDB, S3, STS for the local stack and the tests) runs under a python3 that has it:
# MOTO_PYTHON if set, else the first python3 on PATH that can import it, else common install places.
MOTO_HINT='Moto'"'"'s server is needed for the local AWS emulation: install Python 3, then pip install "moto[server]" (or set MOTO_PYTHON to a python3 that has it)'
has_moto() {
  "$1" -c 'import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ("moto", "werkzeug", "flask", "flask_cors")) else 1)' \
    >/dev/null 2>&1
}
find_moto_python() {
  local candidates=() dirs=() dir c
  if [ -n "${MOTO_PYTHON:-}" ]; then
    candidates=("$MOTO_PYTHON")
  else
    IFS=: read -ra dirs <<< "${PATH:-}"
    for dir in "${dirs[@]}"; do [ -x "$dir/python3" ] && candidates+=("$dir/python3"); done
    candidates+=("${HOME:-}/.pyenv/shims/python3" /usr/local/bin/python3 /usr/bin/python3)
  fi
  for c in "${candidates[@]}"; do
    if command -v "$c" >/dev/null 2>&1 && has_moto "$c"; then echo "$c"; return 0; fi
  done
  return 1
}
need_moto() {
  MOTO_PYTHON="$(find_moto_python)" || fail "$MOTO_HINT"
  export MOTO_PYTHON
}

# Debian's Maven 3.8 prints stray ANSI resets even in batch mode; filter them out, keep the exit code.
run_mvn() {
  (cd "$ROOT" && mvn -B -Dstyle.color=never "$@" 2>&1) | sed -u 's/\x1b\[[0-9;]*m//g'
}

# Builds the jars when they are missing or older than any source file.
ensure_built() {
  local stale=""
  if [ ! -f "$STACK_JAR" ]; then
    stale="yes"
  else
    stale="$(cd "$ROOT" && find . -path ./.local -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$STACK_JAR" -print -quit)"
  fi
  if [ -n "$stale" ]; then
    say "Building (mvn package, tests skipped; the first build downloads dependencies from Maven Central) ..."
    run_mvn -q -DskipTests package >&2 || fail "the build failed"
  fi
}

run_stack() {
  exec "$JAVA_HOME/bin/java" "${JAVA_RUN_FLAGS[@]}" -jar "$STACK_JAR" "$@"
}
