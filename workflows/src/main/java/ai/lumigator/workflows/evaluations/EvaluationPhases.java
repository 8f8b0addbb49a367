package ai.lumigator.workflows.evaluations;

/** The phases an evaluation workflow reports, in order. */
public final class EvaluationPhases {
  /** The inference job is created, waiting or running on Ray. */
  public static final String INFERENCE = "inference";

  /** Ray finished the inference job; its predictions are being stored as a dataset. */
  public static final String INGEST_PREDICTIONS = "ingest-predictions";

  /** The evaluator job is created, waiting or running on Ray. */
  public static final String EVALUATION = "evaluation";

  /** Both jobs succeeded; compiled.json and the metrics are being written. */
  public static final String COMPILE = "compile";

  /** The outcome (succeeded, or failed with its reason) is recorded. */
  public static final String DONE = "done";

  private EvaluationPhases() {}
}
