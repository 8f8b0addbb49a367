package ai.lumigator.workflows.evaluations;

/**
 * How a Lumigator workflow ended (as recorded in its row).
 *
 * @param status succeeded or failed
 * @param failureReason why it failed, or null
 */
public record EvaluationResult(String workflowId, String status, String failureReason) {}
