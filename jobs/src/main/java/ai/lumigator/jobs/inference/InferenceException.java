package ai.lumigator.jobs.inference;

/** A sample could not be predicted; the message is one line meant for the job's error output. */
public class InferenceException extends RuntimeException {
  public InferenceException(String message) {
    super(message);
  }

  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
