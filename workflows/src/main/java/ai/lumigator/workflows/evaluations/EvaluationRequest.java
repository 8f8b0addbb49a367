package ai.lumigator.workflows.evaluations;

/**
 * A Lumigator workflow as the API created it: both jobs fully prepared (ids derived from the
 * workflow id, configs built), so the workflow only creates their rows when it reaches them.
 *
 * @param workflowId the workflow row's id
 * @param datasetId the experiment's dataset (the inference job's input)
 * @param model the model evaluated
 * @param inference the inference job; its {@code generatedDataset} is the predictions dataset
 * @param evaluator the evaluator job on the predictions dataset
 */
public record EvaluationRequest(
    String workflowId,
    String experimentId,
    String datasetId,
    String model,
    EvaluationJob inference,
    EvaluationJob evaluator) {}
