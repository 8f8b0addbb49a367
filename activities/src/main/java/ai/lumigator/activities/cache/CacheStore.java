package ai.lumigator.activities.cache;

/**
 * @param resultsKey S3 key of the succeeded job's results.json
 * @param datasetId the dataset it ran on: the entry lives only as long as it does
 */
public record CacheStore(String jobId, String cacheKey, String resultsKey, String datasetId) {}
