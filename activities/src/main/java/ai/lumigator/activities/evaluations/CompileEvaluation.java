package ai.lumigator.activities.evaluations;

/**
 * What to compile: the two jobs' results (S3 keys, no bucket) and the dataset in between.
 *
 * @param predictionsDatasetId the dataset the inference job generated (the evaluator's input)
 * @param markSucceeded also record the workflow succeeded, with its results
 */
public record CompileEvaluation(
    String workflowId,
    String inferenceJobId,
    String inferenceResultsKey,
    String evaluatorJobId,
    String evaluatorResultsKey,
    String predictionsDatasetId,
    boolean markSucceeded) {}
