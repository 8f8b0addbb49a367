package ai.lumigator.jobs.metrics;

/**
 * Options of the metric implementations.
 *
 * @param rougeStemming ROUGE with rouge-score's {@code use_stemmer=True} (Porter stemmer on tokens
 *     longer than three characters); Lumigator's evaluator runs without it
 * @param unicodeTokenizer ROUGE with the Unicode-aware tokenizer (letters and digits of every
 *     script are kept) instead of rouge-score's ASCII-only one, under which non-Latin scripts score
 *     0; see {@link ai.lumigator.jobs.metrics.text.RougeTokenizer}
 */
public record MetricOptions(boolean rougeStemming, boolean unicodeTokenizer) {

  /** What Lumigator's Python evaluator does: no stemming, the reference tokenizer. */
  public static MetricOptions defaults() {
    return new MetricOptions(false, false);
  }
}
