package ai.lumigator.activities.evaluations;

/**
 * A job row a workflow creates when it reaches that job, and its link to the workflow.
 *
 * @param role inference or evaluator ({@code WorkflowJobRow})
 * @param configJson the job program's config (never a secret)
 * @param requestJson the job request the workflow stands for
 * @param secretKeyName the stored secret the job uses, or null
 */
public record CreateWorkflowJob(
    String workflowId,
    String role,
    String jobId,
    String name,
    String description,
    String jobType,
    String datasetId,
    String experimentId,
    String configJson,
    String requestJson,
    String secretKeyName) {}
