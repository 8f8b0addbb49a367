package ai.lumigator.activities.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A job's use of the inference cache as its row keeps it (jobs.cache_json) and {@code GET
 * /jobs/{id}} shows it under {@code cache}.
 *
 * @param sourceJobId the job whose predictions were reused, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CacheUse(
    @JsonProperty("use_cache") boolean useCache,
    @JsonProperty("key") String key,
    @JsonProperty("hit") boolean hit,
    @JsonProperty("source_job_id") String sourceJobId) {}
