package ai.lumigator.jobs.dataset;

/**
 * Bounds on what one record may hold, so that a line without an end (or a quote never closed)
 * cannot grow a record until the heap is gone. A record that exceeds them is a {@link
 * CsvLimitException}.
 *
 * @param maxFieldChars characters in one field
 * @param maxRecordChars characters in all fields of one record together
 * @param maxFields fields in one record
 * @param nulAllowed whether U+0000 may appear (text files have none; binary files do)
 */
public record CsvLimits(int maxFieldChars, long maxRecordChars, int maxFields, boolean nulAllowed) {

  /** No bounds: what a trusted file (e.g. one this project wrote) is read with. */
  public static final CsvLimits NONE =
      new CsvLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, true);

  public CsvLimits {
    if (maxFieldChars < 1 || maxRecordChars < 1 || maxFields < 1) {
      throw new IllegalArgumentException("CSV limits must be positive");
    }
  }
}
