package ai.lumigator.jobs.dataset;

import java.io.Closeable;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a dataset CSV row by row: the first record is the header (names trimmed), every further
 * record a {@link Row}. A row shorter than the header reads the missing cells as absent (see {@link
 * Row#get}); a row longer than the header is an error, as it would shift values between columns.
 */
public final class DatasetReader implements Closeable {
  /** Required input column. */
  public static final String EXAMPLES = "examples";

  /** Optional reference column. */
  public static final String GROUND_TRUTH = "ground_truth";

  private final CsvReader csv;
  private final List<String> columns;
  private final Map<String, Integer> index = new HashMap<>();
  private long rows;

  private DatasetReader(CsvReader csv) {
    this.csv = csv;
    List<String> header =
        csv.next().orElseThrow(() -> new CsvFormatException("the CSV is empty (no header)"));
    this.columns = header.stream().map(String::trim).toList();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!seen.add(columns.get(i))) {
        throw new CsvFormatException("duplicate column '" + columns.get(i) + "' in the header");
      }
      index.put(columns.get(i), i);
    }
  }

  /** Reads UTF-8 CSV from a stream; closing the reader closes the stream. */
  public static DatasetReader open(InputStream in) {
    return open(in, CsvLimits.NONE);
  }

  /** As {@link #open(InputStream)}, each record within {@code limits}. */
  public static DatasetReader open(InputStream in, CsvLimits limits) {
    CsvReader csv = CsvReader.utf8(in, limits);
    try {
      return new DatasetReader(csv);
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  public List<String> columns() {
    return columns;
  }

  public boolean hasColumn(String name) {
    return index.containsKey(name);
  }

  /** Data rows read so far. */
  public long rowsRead() {
    return rows;
  }

  /** The next row, or empty at the end of the data. */
  public Optional<Row> next() {
    Optional<List<String>> rec = csv.next();
    if (rec.isEmpty()) {
      return Optional.empty();
    }
    List<String> cells = rec.get();
    if (cells.size() > columns.size()) {
      throw new CsvFormatException(
          "data row "
              + (rows + 1)
              + " has "
              + cells.size()
              + " cells but the header has "
              + columns.size()
              + " columns");
    }
    rows++;
    return Optional.of(new Row(rows, cells));
  }

  @Override
  public void close() {
    csv.close();
  }

  /** One data row; {@code number} counts from 1. */
  public final class Row {
    private final long number;
    private final List<String> cells;

    private Row(long number, List<String> cells) {
      this.number = number;
      this.cells = cells;
    }

    public long number() {
      return number;
    }

    /** The cell of a column, or null when the column does not exist or the row is short. */
    public String get(String column) {
      Integer i = index.get(column);
      return i == null || i >= cells.size() ? null : cells.get(i);
    }

    /** The cell of a column, or {@code ""} when absent. */
    public String getOrEmpty(String column) {
      String v = get(column);
      return v == null ? "" : v;
    }
  }
}
