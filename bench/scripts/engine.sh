#!/bin/sh
# Deployment engine measurement: API requests per canary step and ready->noticed delay (see docs/benchmarks.md).
# Usage: bench/scripts/engine.sh [deployments per configuration, default 10] [replicas, default 4]
set -e
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -Dno-plugin -pl bench -am package -DskipTests
exec java -cp bench/target/benchmarks.jar io.jenkins.plugins.devops.bench.DeploymentEngineMeasurement "$@"
