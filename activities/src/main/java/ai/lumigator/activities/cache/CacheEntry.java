package ai.lumigator.activities.cache;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code inference-cache/<key>/entry.json}: where an entry's results came from. Written after the
 * entry's results.json, so an entry.json names complete results.
 */
record CacheEntry(
    @JsonProperty("source_job_id") String sourceJobId,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("stored_at") long storedAt) {}
