package ai.lumigator.jobs.dataset;

/** A record exceeds one of the {@link CsvLimits} the reader was given. */
public class CsvLimitException extends CsvFormatException {
  public CsvLimitException(String message) {
    super(message);
  }
}
