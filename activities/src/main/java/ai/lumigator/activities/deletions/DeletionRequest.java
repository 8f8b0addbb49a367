package ai.lumigator.activities.deletions;

/**
 * What to delete: {@code kind} one of {@link #DATASET}, {@link #WORKFLOW}, {@link #EXPERIMENT}, and
 * its id.
 */
public record DeletionRequest(String kind, String id) {
  public static final String DATASET = "dataset";
  public static final String WORKFLOW = "workflow";
  public static final String EXPERIMENT = "experiment";
}
