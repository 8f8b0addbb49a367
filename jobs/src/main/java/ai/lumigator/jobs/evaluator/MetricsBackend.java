package ai.lumigator.jobs.evaluator;

import java.util.List;

/**
 * What the evaluator needs from a metrics implementation: the supported names and, per name, a
 * computation that takes samples one by one and yields the metric's result object (per-sample lists
 * and {@code *_mean} values). {@link RegistryMetricsBackend} adapts the {@code metrics} package.
 */
public interface MetricsBackend {

  /** Supported metric names, in the order to show them in an error message. */
  List<String> supported();

  /**
   * Starts computing one metric.
   *
   * @throws IllegalArgumentException when the name is not supported
   */
  MetricComputation start(String name);
}
