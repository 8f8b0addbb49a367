package ai.lumigator.api.jobs;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Datasets for job tests, made the way an ingest leaves them (canonical CSV at {@code
 * datasets/{id}/{filename}/dataset.csv} plus the row), without going through the datasets API.
 */
final class TestDatasets {
  private TestDatasets() {}

  static String fromFile(S3Storage storage, Jdbi jdbi, Path csv) throws Exception {
    return fromBytes(storage, jdbi, csv.getFileName().toString(), Files.readAllBytes(csv), true);
  }

  static String fromCsv(S3Storage storage, Jdbi jdbi, String filename, String csv) {
    return fromBytes(storage, jdbi, filename, csv.getBytes(StandardCharsets.UTF_8), true);
  }

  static String fromBytes(
      S3Storage storage, Jdbi jdbi, String filename, byte[] bytes, boolean groundTruth) {
    String id = UUID.randomUUID().toString();
    storage.putBytes(JobPaths.datasetCsvKey(id, filename), bytes, "text/csv");
    jdbi.onDemand(DatasetDao.class)
        .insertIfAbsent(
            new DatasetRow(
                id,
                filename,
                "job",
                bytes.length,
                -1,
                "[\"examples\",\"ground_truth\"]",
                sha256(bytes),
                groundTruth,
                null,
                false,
                null,
                "datasets/" + id + "/" + filename,
                System.currentTimeMillis()));
    return id;
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 row. */
  static String row(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) b.append(',');
      b.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
    }
    return b.append("\r\n").toString();
  }
}
