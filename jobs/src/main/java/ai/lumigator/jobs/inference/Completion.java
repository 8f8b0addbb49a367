package ai.lumigator.jobs.inference;

/**
 * The model's answer to one example.
 *
 * @param text the prediction (never null; {@code ""} when the model returned no content)
 * @param usage token counts, or null when the provider reports none (baselines)
 */
public record Completion(String text, TokenUsage usage) {
  public Completion {
    text = text == null ? "" : text;
  }
}
