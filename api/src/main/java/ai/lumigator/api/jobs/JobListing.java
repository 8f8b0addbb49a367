package ai.lumigator.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code {"total": n, "items": [...]}}: total counts every job matching the filter. Each item is
 * the job as {@code GET /jobs/{id}} shows it, as the original merges each job's Ray submission
 * details ({@code metadata}, {@code config}, {@code submission_id}, ...) into its list: its web UI
 * reads {@code metadata.job_type} of every job.
 */
public record JobListing(
    @JsonProperty("total") long total, @JsonProperty("items") List<Map<String, Object>> items) {}
