package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

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

  /** The canonical CSV: {@code <path>/dataset.csv}. */
  public String csvPath() {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p + "/" + CSV_FILE;
  }
}
