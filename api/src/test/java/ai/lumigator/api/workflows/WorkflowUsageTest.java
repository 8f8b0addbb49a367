package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.models.ModelPrice;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowUsageTest {
  static final ModelPrice GPT_4O = new ModelPrice(2.50, 10.00);

  @Test
  void costIsTokensTimesThePricePerMillion() {
    // 1234 × 2.50 + 567 × 10.00 = 3085 + 5670 = 8755 USD per million → 0.008755
    WorkflowUsage u =
        WorkflowUsage.of(
            Map.of(
                "prompt_tokens", 1234.0,
                "completion_tokens", 567.0,
                "total_tokens", 1801.0,
                "latency_p50_ms", 410.5,
                "latency_p95_ms", 990.0,
                "rouge_rouge1_mean", 0.3),
            Optional.of(GPT_4O));
    assertThat(u).isEqualTo(new WorkflowUsage(1234L, 567L, 1801L, 410.5, 990.0, 0.008755, GPT_4O));
    // a million of each at 0.15 / 0.60: 0.75; rounded to 6 decimals (micro-dollars), half even
    assertThat(new ModelPrice(0.15, 0.60).estimate(1_000_000, 1_000_000)).isEqualTo(0.75);
    assertThat(new ModelPrice(0.15, 0.60).estimate(3, 1)).isEqualTo(0.000001); // 1.05e-6
    assertThat(new ModelPrice(0.15, 0.60).estimate(1, 0)).isEqualTo(0.0); // 1.5e-7
  }

  @Test
  void noPriceOrNoUsageMeansNoCost() {
    WorkflowUsage unpriced =
        WorkflowUsage.of(
            Map.of("prompt_tokens", 10.0, "completion_tokens", 5.0, "total_tokens", 15.0),
            Optional.empty());
    assertThat(unpriced.promptTokens()).isEqualTo(10L);
    assertThat(unpriced.estimatedCostUsd()).isNull();
    assertThat(unpriced.price()).isNull();
    // a baseline: no usage, no latency, not charged even when its entry had a price
    WorkflowUsage baseline =
        WorkflowUsage.of(Map.of("rouge_rouge1_mean", 0.2), Optional.of(GPT_4O));
    assertThat(baseline).isEqualTo(new WorkflowUsage(null, null, null, null, null, null, GPT_4O));
    // not succeeded yet: no metrics, no usage object
    assertThat(WorkflowUsage.of(null, Optional.of(GPT_4O))).isNull();
  }
}
