package ai.lumigator.activities.datasets;

import ai.lumigator.activities.storage.S3Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the Hugging Face {@code datasets} {@code save_to_disk} files of a dataset next to its CSV
 * ({@code datasets/{id}/{filename}/}: {@value HfDatasetFiles#ARROW_FILE}, {@value
 * HfDatasetFiles#INFO_FILE}, {@value HfDatasetFiles#STATE_FILE}), so that {@code
 * datasets.load_from_disk} reads a downloaded copy. The Arrow table is written to a temporary file
 * while the rows stream through, and stored once complete: the upload's heap holds only the CSV's
 * own upload buffers, and a failed ingest leaves no Arrow object. {@link #close()} removes the
 * temporary file.
 */
final class HfDatasetWriter implements AutoCloseable {
  static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
  private static final String JSON = "application/json";

  private final Path file;
  private final ArrowTableWriter table;
  private boolean tableClosed;

  private HfDatasetWriter(Path file, ArrowTableWriter table) {
    this.file = file;
    this.table = table;
  }

  static HfDatasetWriter start() {
    Path file = null;
    try {
      file = Files.createTempFile("lumigator-dataset-", ".arrow");
      return new HfDatasetWriter(
          file, new ArrowTableWriter(FileChannel.open(file, StandardOpenOption.WRITE)));
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException(
          "cannot create the dataset's Arrow file: " + e.getMessage(), e);
    }
  }

  /** Where the rows go: the Arrow table. */
  DatasetScan.RowSink rows() {
    return table;
  }

  /**
   * Ends the table and stores the three files under {@code folder}.
   *
   * @param sha256 hex SHA-256 of the CSV the rows came from: the dataset's fingerprint
   * @param csvBytes the size of that CSV
   */
  void store(
      S3Storage storage,
      String folder,
      String filename,
      List<String> columns,
      String sha256,
      long csvBytes) {
    ArrowTableWriter.Written written = table.finish();
    closeTable();
    storage.putFile(folder + "/" + HfDatasetFiles.ARROW_FILE, file, ARROW_STREAM);
    storage.putBytes(
        folder + "/" + HfDatasetFiles.INFO_FILE,
        HfDatasetFiles.datasetInfo(
            filename, columns, written.rows(), written.tableBytes(), csvBytes),
        JSON);
    // datasets' fingerprints are 16 hex digits; this one is stable across retries of an ingest
    storage.putBytes(
        folder + "/" + HfDatasetFiles.STATE_FILE,
        HfDatasetFiles.state(sha256.substring(0, 16)),
        JSON);
  }

  private void closeTable() {
    if (!tableClosed) {
      tableClosed = true;
      table.close();
    }
  }

  @Override
  public void close() {
    try {
      closeTable();
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is no reason to fail an ingest
    }
  }
}
