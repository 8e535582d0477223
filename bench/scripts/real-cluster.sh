#!/bin/sh
# Deployment engine on the real Kubernetes control plane of ../shared/k8s (see docs/benchmarks.md): API requests per
# canary phase, ready -> noticed delay, fewest ready pods per phase for 3, 4 and 10 slow-ready replicas, and the time
# to detect a crash loop. Start the control plane first: bash ../shared/k8s/start.sh (K8S_LAB, default ~/.k8s-lab).
# Usage: bench/scripts/real-cluster.sh [replica counts, default 3,4,10]
set -e
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -Dno-plugin -pl bench -am package -DskipTests
exec java -cp bench/target/benchmarks.jar io.jenkins.plugins.devops.bench.RealClusterMeasurement "$@"
