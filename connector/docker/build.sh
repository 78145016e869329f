#!/usr/bin/env bash
# The builder stage of connector/Dockerfile, as a script so that the tests run the same commands
# (PackagingTest / AddOnImageTest). Two steps, each callable alone:
#   build.sh jar                       mvn -pl connector -am package -DskipTests (MAVEN_ARGS adds flags, e.g. -o)
#   build.sh runtime <jar> <out-dir>   jdeps finds the modules the jar needs; jlink writes a trimmed JRE to <out-dir>
#   build.sh all <out-dir>             both, with connector/target/ma-alexa-connector.jar
# JAVA_HOME names the JDK (the builder image's); JDEPS_CLASSPATH adds a class path for jdeps when the
# jar given is not the shaded one (the tests pass the unshaded classes and the test class path).
set -euo pipefail
JAVA_HOME="${JAVA_HOME:?JAVA_HOME must name a JDK}"
# jdeps finds the modules the code names (java.net.http, jdk.httpserver for the status page, …). Modules
# the connector and its libraries load reflectively or by service lookup, which jdeps cannot see:
# jdk.crypto.ec (TLS with EC keys), jdk.zipfs, jdk.unsupported (sun.misc.Unsafe). No jdk.localedata: the
# German status page's words come from its own JSON, nothing is formatted by locale.
EXTRA_MODULES="jdk.crypto.ec,jdk.zipfs,jdk.unsupported"

jar_step() {
  # -B: no colour or progress; MAVEN_ARGS may add -o once dependencies are cached (dependency:go-offline).
  mvn -B ${MAVEN_ARGS:-} -pl connector -am package -DskipTests
}

runtime_step() {
  local jar="$1" out="$2" modules
  local cp=()
  if [ -n "${JDEPS_CLASSPATH:-}" ]; then cp=(--class-path "$JDEPS_CLASSPATH"); fi
  modules="$("$JAVA_HOME/bin/jdeps" -q --ignore-missing-deps --multi-release 21 --print-module-deps "${cp[@]}" "$jar")"
  modules="$modules,$EXTRA_MODULES"
  echo "jlink modules: $modules"
  rm -rf "$out"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$out"
  "$out/bin/java" --list-modules >/dev/null
}

case "${1:-}" in
  jar) jar_step ;;
  runtime) runtime_step "${2:?jar}" "${3:?out dir}" ;;
  all) jar_step; runtime_step connector/target/ma-alexa-connector.jar "${2:?out dir}" ;;
  *) echo "usage: build.sh jar | runtime <jar> <out-dir> | all <out-dir>" >&2; exit 2 ;;
esac
