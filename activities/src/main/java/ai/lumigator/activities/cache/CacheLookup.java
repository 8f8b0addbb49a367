package ai.lumigator.activities.cache;

/**
 * @param cacheKey the job's content key ({@code InferenceCacheKey} in the API)
 * @param useCache false when the request opted out: the key is recorded, nothing is reused
 * @param resultsKey S3 key of the job's results.json, where a hit's results go
 * @param configJson the job program's config, the {@code parameters} of a hit's results
 */
public record CacheLookup(
    String jobId, String cacheKey, boolean useCache, String resultsKey, String configJson) {}
