package ai.lumigator.activities.datasets;

import java.util.List;

/**
 * What checking a dataset CSV found.
 *
 * @param columns header names, trimmed, in file order
 * @param rows data rows (the header not counted)
 * @param groundTruth true only when a {@code ground_truth} column exists and every row's value is
 *     non-empty after trimming whitespace
 */
public record DatasetSummary(List<String> columns, long rows, boolean groundTruth) {
  public DatasetSummary {
    columns = List.copyOf(columns);
  }
}
