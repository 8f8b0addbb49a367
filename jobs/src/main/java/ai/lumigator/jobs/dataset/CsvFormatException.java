package ai.lumigator.jobs.dataset;

/**
 * The CSV text is malformed (bad input, not a transient failure); the message names the line where
 * it was found.
 */
public class CsvFormatException extends IllegalArgumentException {
  public CsvFormatException(String message) {
    super(message);
  }

  public CsvFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
