package ai.lumigator.activities.deletions;

import java.util.List;

/**
 * Everything a deletion removes, read from the rows (those marked deleted included).
 *
 * @param workflowIds the Lumigator workflows (their evaluation workflows are stopped first)
 * @param standaloneJobIds jobs of an experiment that no workflow ran (their job workflows are
 *     stopped first)
 * @param jobIds every job row to remove
 * @param datasetIds every dataset row to remove (the deleted one, or those the jobs generated)
 * @param prefixes S3 prefixes to remove
 * @param keys single S3 objects to remove
 * @param experimentId the experiment row to remove last, or null
 */
public record DeletionPlan(
    List<String> workflowIds,
    List<String> standaloneJobIds,
    List<String> jobIds,
    List<String> datasetIds,
    List<String> prefixes,
    List<String> keys,
    String experimentId) {}
