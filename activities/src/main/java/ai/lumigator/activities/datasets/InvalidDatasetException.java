package ai.lumigator.activities.datasets;

/**
 * The dataset's content is not acceptable; the message is what the client is told (e.g. {@code
 * "Dataset is missing required fields: examples"}). Retrying cannot help.
 */
public class InvalidDatasetException extends RuntimeException {
  /** Type of the non-retryable Temporal failure that carries this message across processes. */
  public static final String FAILURE_TYPE = "InvalidDataset";

  public InvalidDatasetException(String message) {
    super(message);
  }

  public InvalidDatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
