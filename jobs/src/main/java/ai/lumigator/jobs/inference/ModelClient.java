package ai.lumigator.jobs.inference;

/**
 * Turns one example into a prediction. Implementations are thread-safe: the {@link InferenceRunner}
 * calls {@link #complete} from several threads at once.
 */
public interface ModelClient extends AutoCloseable {

  /**
   * Predicts one example.
   *
   * @throws InferenceException when the sample cannot be predicted (after any retries)
   */
  Completion complete(String example);

  /** Requests this client should have in flight at once when the config does not say. */
  int defaultConcurrency();

  @Override
  default void close() {}
}
