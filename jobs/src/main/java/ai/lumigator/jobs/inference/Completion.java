package ai.lumigator.jobs.inference;

/**
 * The model's answer to one example.
 *
 * @param text the prediction (never null; {@code ""} when the model returned no content)
 * @param usage token counts, or null when the provider reports none (baselines)
 * @param latencyMs milliseconds from the first attempt's send to the successful response, failed
 *     attempts and the waits between them included; null when nothing was called (baselines)
 */
public record Completion(String text, TokenUsage usage, Double latencyMs) {
  public Completion {
    text = text == null ? "" : text;
  }

  /** A completion without a measured latency. */
  public Completion(String text, TokenUsage usage) {
    this(text, usage, null);
  }

  Completion withLatency(long nanos) {
    // microsecond resolution: a local stand-in answers in well under a millisecond
    return new Completion(text, usage, Math.round(nanos / 1_000.0) / 1_000.0);
  }
}
