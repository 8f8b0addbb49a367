package ai.lumigator.jobs.dataset;

/**
 * The bytes are not CSV text at all: not UTF-8, a quoted field never closed, or a NUL character
 * where NUL is not allowed.
 */
public class CsvSyntaxException extends CsvFormatException {
  public CsvSyntaxException(String message) {
    super(message);
  }

  public CsvSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
