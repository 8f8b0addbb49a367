package ai.lumigator.jobs.evaluator;

import ai.lumigator.jobs.metrics.Metric;
import ai.lumigator.jobs.metrics.MetricAggregator;
import ai.lumigator.jobs.metrics.MetricOptions;
import ai.lumigator.jobs.metrics.MetricRegistry;
import java.util.List;
import java.util.Map;

/**
 * {@link MetricsBackend} on the {@code metrics} package: {@link MetricRegistry} creates the metric,
 * {@link MetricAggregator} collects per-sample values and builds the result object (lists, then
 * {@code *_mean} as numpy computes them).
 */
public final class RegistryMetricsBackend implements MetricsBackend {
  private final MetricOptions options;

  /** The metrics as Lumigator computes them ({@link MetricOptions#defaults()}). */
  public RegistryMetricsBackend() {
    this(MetricOptions.defaults());
  }

  public RegistryMetricsBackend(MetricOptions options) {
    this.options = options;
  }

  @Override
  public List<String> supported() {
    return MetricRegistry.supported();
  }

  @Override
  public MetricComputation start(String name) {
    return aggregate(MetricRegistry.create(name, options));
  }

  /** A computation of any {@link Metric}, aggregated by {@link MetricAggregator}. */
  public static MetricComputation aggregate(Metric metric) {
    MetricAggregator aggregator = new MetricAggregator(metric);
    return new MetricComputation() {
      @Override
      public void add(String prediction, String reference) {
        aggregator.add(prediction, reference);
      }

      @Override
      public Map<String, Object> result() {
        return aggregator.result();
      }
    };
  }
}
