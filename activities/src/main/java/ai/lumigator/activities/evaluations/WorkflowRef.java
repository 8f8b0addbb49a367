package ai.lumigator.activities.evaluations;

/** A Lumigator workflow (a row of {@code workflows}) by its id. */
public record WorkflowRef(String workflowId) {}
