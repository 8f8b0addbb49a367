package ai.lumigator.jobs.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A block of finished samples of an inference job: {@code {"first": i, "last": j, "samples":
 * [{"prediction", "usage", "latency_ms"}, ...]}}, indices 0-based and inclusive; everything
 * results.json holds per sample.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"first", "last", "samples"})
record InferenceChunk(
    @JsonProperty("first") int first,
    @JsonProperty("last") int last,
    @JsonProperty("samples") List<Sample> samples) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"prediction", "usage", "latency_ms"})
  record Sample(
      @JsonProperty("prediction") String prediction,
      @JsonProperty("usage") TokenUsage usage,
      @JsonProperty("latency_ms") Double latencyMs) {

    static Sample of(Completion c) {
      return new Sample(c.text(), c.usage(), c.latencyMs());
    }

    Completion completion() {
      return new Completion(prediction, usage, latencyMs);
    }
  }

  /** Whether it holds exactly the samples {@code first..last}. */
  boolean complete() {
    return samples != null && first >= 0 && last >= first && samples.size() == last - first + 1;
  }
}
