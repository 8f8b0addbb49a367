import ai.lumigator.jobs.metrics.Metric;
import ai.lumigator.jobs.metrics.MetricAggregator;
import ai.lumigator.jobs.metrics.MetricOptions;
import ai.lumigator.jobs.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java side of bench/metrics/speed.sh: scores the pairs with one metric family the way the
 * evaluator does (MetricRegistry.create + MetricAggregator, then result()), single-threaded.
 *
 * <p>Args: PAIRS_JSONL METRIC N1,N2,... — the pairs file holds the 500 distinct DialogSum pairs;
 * each run cycles through them until N samples are scored. Metric construction (WordNet, Punkt
 * model) and a warm-up of WARMUP samples are timed separately. Before each run the heap pools'
 * peak counters are reset after a GC, so "peak" is the highest heap occupancy during that run;
 * "retained" is the heap in use after a GC with the run's aggregator (its per-sample values, which
 * results.json needs) still reachable.
 *
 * <p>Prints one line per run: {@code java METRIC n=N seconds=S cpu_seconds=C peak_heap_mb=P
 * retained_mb=R ...}; cpu_seconds is the whole JVM's CPU time (JIT and GC threads included),
 * thread_cpu_seconds the scoring thread's alone (what the JIT compiles in parallel is left out),
 * jit_ms the JIT compilers' time during the run (CompilationMXBean, summed over compiler threads).
 */
public class SpeedBench {
  private static final int WARMUP = 5_000;

  public static void main(String[] args) throws Exception {
    List<String[]> pairs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode row = json.readTree(line);
          pairs.add(
              new String[] {row.get("prediction").asText(), row.get("reference").asText()});
        }
      }
    }
    String name = args[1];
    long t0 = System.nanoTime();
    Metric metric = MetricRegistry.create(name, MetricOptions.defaults());
    metric.score("warm", "warm up"); // lazy loads (WordNet, Punkt) happen on first use
    double load = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    Object sink = score(metric, pairs, WARMUP).result();
    double warm = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "java %s load_seconds=%.3f warmup_n=%d warmup_seconds=%.3f%n", name, load, WARMUP, warm);
    sink = null;

    for (String n : args[2].split(",")) {
      int count = Integer.parseInt(n.trim());
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      long cpu0 = processCpu();
      long thread0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      MetricAggregator agg = score(metric, pairs, count);
      Map<String, Object> result = agg.result();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (processCpu() - cpu0) / 1e9;
      double threadCpu =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread0) / 1e9;
      long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
      long peak = peakHeap();
      System.gc();
      long retained = usedHeap();
      System.out.printf(
          "java %s n=%d seconds=%.3f cpu_seconds=%.3f thread_cpu_seconds=%.3f jit_ms=%d"
              + " peak_heap_mb=%.1f"
              + " retained_mb=%.1f mean_key=%s%n",
          name,
          count,
          seconds,
          cpu,
          threadCpu,
          jitMillis,
          peak / 1048576.0,
          retained / 1048576.0,
          metric.keys().get(0) + "_mean=" + result.get(metric.keys().get(0) + "_mean"));
      agg = null;
      result = null;
    }
  }

  /**
   * Scores the first {@code n} samples. The warm-up and the timed runs share this method, so the
   * timed runs execute the code the warm-up compiled instead of waiting for an on-stack
   * replacement compilation of a loop of their own.
   */
  private static MetricAggregator score(Metric metric, List<String[]> pairs, int n) {
    MetricAggregator agg = new MetricAggregator(metric);
    for (int i = 0; i < n; i++) {
      String[] p = pairs.get(i % pairs.size());
      agg.add(p[0], p[1]);
    }
    return agg;
  }

  /** CPU time of the whole JVM (scoring thread plus JIT and GC threads), in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> out = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        out.add(p);
      }
    }
    return out;
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Sum of the heap pools' peaks (an upper bound of the true simultaneous peak). */
  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
