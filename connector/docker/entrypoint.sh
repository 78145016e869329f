#!/bin/sh
# Starts the connector as uid 10001. The plain image already runs as 10001 (USER in the Dockerfile).
# The add-on image is built with RUN_AS=0:0 because the Supervisor hands the container a root-owned
# /data (with options.json in it); then this script makes /data the connector's and drops to 10001
# with setpriv (util-linux, part of Debian's base) before Java starts.
set -e
run() {
  exec "$@" java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -jar /app/ma-alexa-connector.jar
}
if [ "$(id -u)" = "0" ]; then
  # Only what is not the connector's yet (options.json, rewritten by the Supervisor); the cache can be large.
  find "${STATE_DIR:-/data}" ! -user 10001 -exec chown 10001:10001 {} +
  run setpriv --reuid=10001 --regid=10001 --clear-groups --
fi
run
