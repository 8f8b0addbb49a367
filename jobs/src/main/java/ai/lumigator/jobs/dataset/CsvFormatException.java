package ai.lumigator.jobs.dataset;

/** The CSV text is malformed; the message names the record and line where it was found. */
public class CsvFormatException extends RuntimeException {
  public CsvFormatException(String message) {
    super(message);
  }

  public CsvFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
