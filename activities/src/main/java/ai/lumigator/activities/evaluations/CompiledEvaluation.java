package ai.lumigator.activities.evaluations;

/**
 * @param compiledKey S3 key of {@code compiled.json}
 * @param metricCount how many flat metrics were recorded
 */
public record CompiledEvaluation(String compiledKey, int metricCount) {}
