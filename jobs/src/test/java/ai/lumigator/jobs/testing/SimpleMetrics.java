package ai.lumigator.jobs.testing;

import ai.lumigator.jobs.evaluator.MetricComputation;
import ai.lumigator.jobs.evaluator.MetricsBackend;
import ai.lumigator.jobs.evaluator.RegistryMetricsBackend;
import ai.lumigator.jobs.metrics.Metric;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Two trivial metrics ("same": trimmed equality as 0.0/1.0; "length": character counts) to test the
 * evaluator's plumbing independently of the real metrics, which the metrics package tests.
 */
public final class SimpleMetrics implements MetricsBackend {
  public static final SimpleMetrics INSTANCE = new SimpleMetrics();

  private record Simple(
      String name, List<String> keys, BiFunction<String, String, Map<String, Double>> f)
      implements Metric {
    @Override
    public Map<String, Double> score(String prediction, String reference) {
      return f.apply(prediction, reference);
    }
  }

  @Override
  public List<String> supported() {
    return List.of("same", "length");
  }

  @Override
  public MetricComputation start(String name) {
    return switch (name) {
      case "same" ->
          RegistryMetricsBackend.aggregate(
              new Simple(
                  "same",
                  List.of("same"),
                  (p, r) -> Map.of("same", p.trim().equals(r.trim()) ? 1.0 : 0.0)));
      case "length" ->
          RegistryMetricsBackend.aggregate(
              new Simple(
                  "length",
                  List.of("pred_len", "ref_len"),
                  (p, r) ->
                      Map.of("pred_len", (double) p.length(), "ref_len", (double) r.length())));
      default -> throw new IllegalArgumentException("unknown metric " + name);
    };
  }
}
