package ai.lumigator.activities.evaluations;

/**
 * @param reason why the workflow failed, as the API shows it
 */
public record WorkflowFailure(String workflowId, String reason) {}
