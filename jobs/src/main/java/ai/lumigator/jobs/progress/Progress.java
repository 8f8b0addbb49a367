package ai.lumigator.jobs.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"done": n, "total": m}}: the content of {@code jobs/progress/<job id>.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(@JsonProperty("done") long done, @JsonProperty("total") long total) {}
