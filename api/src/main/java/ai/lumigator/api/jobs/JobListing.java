package ai.lumigator.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"total": n, "items": [...]}}: total counts every job matching the filter. */
public record JobListing(
    @JsonProperty("total") long total, @JsonProperty("items") List<JobResponse> items) {}
