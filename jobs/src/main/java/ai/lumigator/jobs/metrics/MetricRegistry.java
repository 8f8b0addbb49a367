package ai.lumigator.jobs.metrics;

import java.util.List;
import java.util.Locale;

/** The metrics this release computes, by name, and the defaults per task. */
public final class MetricRegistry {

  private static final List<String> SUPPORTED =
      List.of(
          BleuMetric.NAME,
          ExactMatchMetric.NAME,
          MeteorMetric.NAME,
          RougeMetric.NAME,
          TokenLengthMetric.NAME);

  private MetricRegistry() {}

  /** Supported metric names, sorted. */
  public static List<String> supported() {
    return SUPPORTED;
  }

  /**
   * Creates a metric.
   *
   * @throws IllegalArgumentException for an unknown name; the message lists the supported ones
   */
  public static Metric create(String name, MetricOptions options) {
    MetricOptions o = options == null ? MetricOptions.defaults() : options;
    if (name == null) {
      throw unknown(null);
    }
    return switch (name) {
      case RougeMetric.NAME -> new RougeMetric(o);
      case BleuMetric.NAME -> new BleuMetric();
      case MeteorMetric.NAME -> new MeteorMetric();
      case TokenLengthMetric.NAME -> new TokenLengthMetric();
      case ExactMatchMetric.NAME -> new ExactMatchMetric();
      default -> throw unknown(name);
    };
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "Unknown metric '" + name + "'; supported metrics: " + String.join(", ", SUPPORTED));
  }

  /**
   * Default metrics of a task: summarization → rouge, meteor; translation → bleu, meteor;
   * text-generation → rouge, bleu, meteor.
   *
   * @throws IllegalArgumentException for an unknown task
   */
  public static List<String> defaultsFor(String task) {
    String t = task == null ? "" : task.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "summarization" -> List.of(RougeMetric.NAME, MeteorMetric.NAME);
      case "translation" -> List.of(BleuMetric.NAME, MeteorMetric.NAME);
      case "text-generation" -> List.of(RougeMetric.NAME, BleuMetric.NAME, MeteorMetric.NAME);
      default ->
          throw new IllegalArgumentException(
              "Unknown task '"
                  + task
                  + "'; known tasks: summarization, translation, text-generation");
    };
  }
}
