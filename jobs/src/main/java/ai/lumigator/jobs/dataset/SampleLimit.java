package ai.lumigator.jobs.dataset;

/**
 * The {@code max_samples} rules of API.md. Inference takes the first {@code min(n, rows)} rows when
 * {@code n > 0}, all rows otherwise; the evaluator takes all rows when {@code n < 1} or {@code n >
 * rows}, else the first n. Both come to the same: "the first n rows, or all of them when n is not
 * positive or exceeds the data".
 */
public final class SampleLimit {
  private SampleLimit() {}

  /** How many rows to read at most while streaming ({@link Long#MAX_VALUE} = all). */
  public static long rowsToRead(int maxSamples) {
    return maxSamples > 0 ? maxSamples : Long.MAX_VALUE;
  }

  /** Rows the inference job uses from a dataset of {@code rows} rows. */
  public static int inference(int maxSamples, int rows) {
    return maxSamples > 0 ? Math.min(maxSamples, rows) : rows;
  }

  /** Rows the evaluator uses from a dataset of {@code rows} rows. */
  public static int evaluator(int maxSamples, int rows) {
    return maxSamples < 1 || maxSamples > rows ? rows : maxSamples;
  }
}
