package ai.lumigator.activities.datasets;

import ai.lumigator.jobs.dataset.CsvFormatException;
import ai.lumigator.jobs.dataset.CsvLimits;
import ai.lumigator.jobs.dataset.CsvSyntaxException;
import ai.lumigator.jobs.dataset.DatasetReader;
import ai.lumigator.jobs.metrics.text.PyText;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a dataset CSV while streaming it through the project's one CSV reader ({@link
 * DatasetReader}), and hands every record to a {@link RowSink}. Memory is bounded by {@link
 * #LIMITS}, whatever the input.
 *
 * <p>Rules (API.md, Datasets): UTF-8 CSV; an {@code examples} column; unique column names; at least
 * one data row; no row with more cells than the header. Rows with fewer cells read the missing ones
 * as empty.
 */
public final class DatasetScan {
  /**
   * One cell at most 1 Mi characters, one record 4 Mi characters and 10,000 cells; no NUL. Far
   * beyond any model's context, and a line without an end stops here instead of filling the heap.
   */
  public static final CsvLimits LIMITS = new CsvLimits(1 << 20, 4L << 20, 10_000, false);

  public static final String MISSING_EXAMPLES =
      "Dataset is missing required fields: " + DatasetReader.EXAMPLES;
  public static final String NO_ROWS = "Dataset is invalid: no rows";
  public static final String NOT_CSV = "Dataset is invalid: not a CSV file";

  private DatasetScan() {}

  /** Receives the header, then every data row padded to the header's width. */
  public interface RowSink {
    RowSink NONE =
        new RowSink() {
          @Override
          public void header(List<String> columns) {}

          @Override
          public void row(List<String> cells) {}
        };

    void header(List<String> columns);

    void row(List<String> cells);

    /** Hands everything to {@code first}, then to {@code second}. */
    static RowSink both(RowSink first, RowSink second) {
      return new RowSink() {
        @Override
        public void header(List<String> columns) {
          first.header(columns);
          second.header(columns);
        }

        @Override
        public void row(List<String> cells) {
          first.row(cells);
          second.row(cells);
        }
      };
    }
  }

  /**
   * Reads {@code csv} to its end (the stream is not closed) and returns what it holds.
   *
   * @throws InvalidDatasetException when the content breaks a rule; other exceptions (I/O, the
   *     sink's) pass through unchanged
   */
  public static DatasetSummary scan(InputStream csv, RowSink sink) {
    try {
      // not closed: the caller owns the stream (closing would also drain what is left of it)
      DatasetReader reader = DatasetReader.open(csv, LIMITS);
      List<String> columns = reader.columns();
      if (!reader.hasColumn(DatasetReader.EXAMPLES)) {
        throw new InvalidDatasetException(MISSING_EXAMPLES);
      }
      sink.header(columns);
      boolean hasGroundTruth = reader.hasColumn(DatasetReader.GROUND_TRUTH);
      boolean everyGroundTruth = hasGroundTruth;
      List<String> cells = new ArrayList<>(columns.size());
      Optional<DatasetReader.Row> row;
      while ((row = reader.next()).isPresent()) {
        cells.clear();
        for (String column : columns) {
          cells.add(row.get().getOrEmpty(column));
        }
        if (everyGroundTruth && isBlank(row.get().getOrEmpty(DatasetReader.GROUND_TRUTH))) {
          everyGroundTruth = false;
        }
        sink.row(cells);
      }
      if (reader.rowsRead() == 0) {
        throw new InvalidDatasetException(NO_ROWS);
      }
      return new DatasetSummary(columns, reader.rowsRead(), everyGroundTruth);
    } catch (CsvSyntaxException e) {
      throw new InvalidDatasetException(NOT_CSV + " (" + e.getMessage() + ")", e);
    } catch (CsvFormatException e) { // limits, duplicate columns, a row too wide, no header
      throw new InvalidDatasetException("Dataset is invalid: " + e.getMessage(), e);
    }
  }

  /** Empty after trimming whitespace as Python's {@code str.strip()} does. */
  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!PyText.isSpace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
