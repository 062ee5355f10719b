#!/usr/bin/env bash
# Runs every benchmark of faircom-client-benchmarks and writes the results into docs/benchmarks.md.
#
#   faircom-client-benchmarks/run.sh            # the full suite (about 50 minutes on 2 cores)
#   faircom-client-benchmarks/run.sh --quick    # a smoke run (a few minutes); leaves docs/ alone
#
# Other options (passed to io.github.faircomclient.benchmarks.Suite): --rounds N, --warmups N,
# --iterations N, --threads 1,16,64, --storm-threads 16,64,256,
# --only roundtrip,storm,streaming,requests,messaging,typed,bulk, --bulk-rows N (records per bulk load, 1000000),
# --results DIR, --pin (servers on the first half of the CPUs, client JVMs on the other, through
# taskset; by default the scheduler places them). SKIP_BUILD=true reuses the jars already built. Run it on a quiet
# machine: the suite records the load average before and after every phase.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-false}" != "true" ]]; then
	mvn -B -ntp -q package -pl faircom-client-benchmarks -am -DskipTests
fi
docs=(--docs docs/benchmarks.md)
for argument in "$@"; do
	if [[ "$argument" == "--quick" ]]; then
		docs=()
	fi
done
exec java -Xms1g -Xmx1g -cp faircom-client-benchmarks/target/benchmarks.jar \
	io.github.faircomclient.benchmarks.Suite --results faircom-client-benchmarks/target/benchmark-results \
	${docs[@]+"${docs[@]}"} "$@"
