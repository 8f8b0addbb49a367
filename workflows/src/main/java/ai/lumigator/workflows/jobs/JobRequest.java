package ai.lumigator.workflows.jobs;

/**
 * One job to run on Ray, as the API created it.
 *
 * @param jobType inference, evaluator or annotate (the row's job_type)
 * @param command the job program's sub-command: inference or evaluator
 * @param configJson the job program's --config (never holds a secret)
 * @param secretName stored secret handed to the Ray job as env {@code api_key}, or null
 * @param model the model's name, or null (evaluator)
 * @param resultsKey S3 key of the results.json the job program writes
 * @param timeoutSeconds past this the Ray job is stopped and the job ends {@code stopped}
 * @param heartbeatTimeoutSeconds heartbeat timeout of the wait on Ray: a worker that died while
 *     waiting is replaced this fast
 * @param generatedDataset the dataset to build from the job's results, or null
 * @param cache the job's inference cache key, or null (not an inference job, or a request from
 *     before the cache: such jobs always run on Ray)
 */
public record JobRequest(
    String jobId,
    String jobType,
    String command,
    String configJson,
    String secretName,
    String datasetId,
    String model,
    String resultsKey,
    long timeoutSeconds,
    long heartbeatTimeoutSeconds,
    GeneratedDatasetSpec generatedDataset,
    InferenceCacheSpec cache) {}
