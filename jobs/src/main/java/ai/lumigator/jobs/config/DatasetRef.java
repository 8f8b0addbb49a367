package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * {@code "dataset": {"path": "s3://<bucket>/datasets/<dataset id>/<filename>"}}.
 *
 * <p>The path names the dataset's folder; the canonical CSV is {@link #csvPath()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetRef(@JsonProperty("path") String path) {

  /** Name of the canonical CSV inside a dataset's folder. */
  public static final String CSV_FILE = "dataset.csv";

  public static DatasetRef of(String path) {
    return new DatasetRef(path);
  }

  /** {@code s3://<bucket>/datasets/<id>/<filename>} for a bucket, dataset id and filename. */
  public static DatasetRef of(String bucket, String datasetId, String filename) {
    return new DatasetRef("s3://" + bucket + "/datasets/" + datasetId + "/" + filename);
  }

  /**
   * The dataset id: the segment after {@code datasets/} in {@code
   * s3://<bucket>/datasets/<id>/<filename>}.
   */
  @JsonIgnore
  public Optional<String> datasetId() {
    return segment(0);
  }

  /** The dataset's filename: the segment after the id. */
  @JsonIgnore
  public Optional<String> filename() {
    return segment(1);
  }

  private Optional<String> segment(int i) {
    if (path == null || !path.startsWith("s3://")) {
      return Optional.empty();
    }
    String[] parts = path.substring(5).split("/");
    // parts: bucket, "datasets", id, filename
    if (parts.length < 4 || !"datasets".equals(parts[1]) || parts[2 + i].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[2 + i]);
  }

  /** The canonical CSV: {@code <path>/dataset.csv}. */
  @JsonIgnore
  public String csvPath() {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p + "/" + CSV_FILE;
  }
}
