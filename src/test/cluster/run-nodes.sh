#!/usr/bin/env bash
# Runs N Shopflow nodes on this machine against one PostgreSQL and one Kafka broker that you already run
# (README: "Running several nodes"). Each node is the packaged jar in its own JVM, on port BASE_PORT + i,
# named node-<i>, logging to LOG_DIR/node-<i>.log. Ctrl-C (or SIGTERM) stops them all; `kill -9 <pid>` of one
# node (the pids are printed) shows the others take over its Kafka partitions and, after the job lock time,
# its jobs.
#
#   mvn -B package -DskipTests
#   export SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/shopflow SPRING_DATASOURCE_USERNAME=shopflow \
#          SPRING_DATASOURCE_PASSWORD=... SPRING_KAFKA_BOOTSTRAP_SERVERS=kafka:9092 \
#          SHOPFLOW_API_TOKEN=... SHOPFLOW_ADMIN_PASSWORD=...
#   src/test/cluster/run-nodes.sh 2 [--any.extra=setting ...]
#
# Optional: SPRING_MAIL_HOST / SPRING_MAIL_PORT (else every node keeps emails in the shared outbox),
# SHOPFLOW_JOB_LOCK_TIME_MILLIS (default 300000: how long a dead node's jobs wait), SHOPFLOW_KAFKA_SESSION_TIMEOUT_MS
# (default 45000: how long its partitions wait), BASE_PORT (8080), LOG_DIR (target/nodes), JAVA_OPTS, JAR.
set -euo pipefail
cd "$(dirname "$0")/../.."

nodes=${1:?usage: $0 <number of nodes> [--setting=value ...]}
shift
: "${SPRING_DATASOURCE_URL:?set SPRING_DATASOURCE_URL (jdbc:postgresql://...)}"
: "${SPRING_DATASOURCE_PASSWORD:?set SPRING_DATASOURCE_PASSWORD}"
: "${SPRING_KAFKA_BOOTSTRAP_SERVERS:?set SPRING_KAFKA_BOOTSTRAP_SERVERS}"
# generated secrets would differ per node: every node must accept the same token and admin password
: "${SHOPFLOW_API_TOKEN:?set SHOPFLOW_API_TOKEN (the same on every node)}"
: "${SHOPFLOW_ADMIN_PASSWORD:?set SHOPFLOW_ADMIN_PASSWORD (the same on every node)}"
export SPRING_PROFILES_ACTIVE=postgres CAMUNDA_BPM_ADMIN_USER_PASSWORD="$SHOPFLOW_ADMIN_PASSWORD"

jar=${JAR:-$(ls target/shopflow-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -1)}
[ -f "$jar" ] || { echo "No jar; build it first: mvn -B package -DskipTests" >&2; exit 1; }
base_port=${BASE_PORT:-8080}
log_dir=${LOG_DIR:-target/nodes}
mkdir -p "$log_dir"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping ${#pids[@]} node(s)"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

for i in $(seq 1 "$nodes"); do
  name=node-$i
  port=$((base_port + i - 1))
  log=$log_dir/$name.log
  # a plain command in the background: bash execs java in the child, so $! is the JVM's own pid and
  # kill -9 <pid> kills the node, not a wrapper shell
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --shopflow.node.name="$name" \
    --spring.kafka.consumer.client-id="$name" "$@" > "$log" 2>&1 &
  pids+=($!)
  echo "$name: pid $!, http://localhost:$port, log $log"
  if [ "$i" = 1 ]; then
    # the first node alone creates the engine's tables on an empty database and deploys the flows;
    # nodes started at the same moment on an empty database would race to create them
    until grep -q 'Started ShopflowApplication' "$log"; do
      kill -0 "${pids[0]}" 2>/dev/null || { echo "$name exited; see $log" >&2; exit 1; }
      sleep 1
    done
    echo "$name is up"
  fi
done
echo "All $nodes node(s) started. Ctrl-C stops them."
wait -n "${pids[@]}" || true
echo "A node exited; the others keep running. Ctrl-C stops them."
wait
