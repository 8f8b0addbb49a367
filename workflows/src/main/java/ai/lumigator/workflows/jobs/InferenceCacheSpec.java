package ai.lumigator.workflows.jobs;

/**
 * An inference job's place in the inference cache.
 *
 * @param key the job's content key, SHA-256 hex (computed by the API: never from a secret)
 * @param useCache false when the request opted out ({@code "use_cache": false}): the job runs on
 *     Ray whatever the cache holds, and its predictions then replace the entry
 */
public record InferenceCacheSpec(String key, boolean useCache) {}
