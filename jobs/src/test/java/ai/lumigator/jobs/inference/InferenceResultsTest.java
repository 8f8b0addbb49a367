package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceResultsTest {

  @Test
  void sumsAveragesAndLatencyPercentilesWhenEverySampleHasThem() {
    List<Completion> c =
        List.of(
            new Completion("a", new TokenUsage(10, 2, 12), 30.0),
            new Completion("b", new TokenUsage(20, 4, 24), 10.0),
            new Completion("c", new TokenUsage(30, 6, 36), 20.0));
    Map<String, Double> m = InferenceResults.usageMetrics(c);
    assertThat(m)
        .containsExactly(
            Map.entry("avg_prompt_tokens", 20.0),
            Map.entry("avg_completion_tokens", 4.0),
            Map.entry("avg_total_tokens", 24.0),
            Map.entry("prompt_tokens", 60.0),
            Map.entry("completion_tokens", 12.0),
            Map.entry("total_tokens", 72.0),
            // sorted 10 20 30: p50 rank ceil(1.5) = 2, p95 rank ceil(2.85) = 3
            Map.entry("latency_p50_ms", 20.0),
            Map.entry("latency_p95_ms", 30.0));
  }

  @Test
  void aSampleWithoutUsageDropsTheTokenMetricsButKeepsLatency() {
    List<Completion> c =
        List.of(
            new Completion("a", new TokenUsage(10, 2, 12), 5.0), new Completion("b", null, 7.0));
    assertThat(InferenceResults.usageMetrics(c))
        .containsOnlyKeys("latency_p50_ms", "latency_p95_ms")
        .containsEntry("latency_p50_ms", 5.0)
        .containsEntry("latency_p95_ms", 7.0);
  }

  @Test
  void baselinesAndNoSamplesHaveNoMetrics() {
    assertThat(InferenceResults.usageMetrics(List.of(new Completion("x", null)))).isEmpty();
    assertThat(InferenceResults.usageMetrics(List.of())).isEmpty();
  }
}
