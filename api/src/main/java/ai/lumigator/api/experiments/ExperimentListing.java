package ai.lumigator.api.experiments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"total": n, "items": [...]}}, newest first. */
public record ExperimentListing(
    @JsonProperty("total") long total, @JsonProperty("items") List<ExperimentResponse> items) {}
