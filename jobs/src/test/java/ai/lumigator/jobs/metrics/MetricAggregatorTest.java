package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

  @Test
  void rougeResultHasListsThenMeans() {
    MetricAggregator agg = new MetricAggregator(new RougeMetric(MetricOptions.defaults()));
    agg.add("testing", "testing one two");
    agg.add("", "testing one two");
    Map<String, Object> r = agg.result();
    assertThat(r.keySet())
        .containsExactly(
            "rouge1",
            "rouge2",
            "rougeL",
            "rougeLsum",
            "rouge1_mean",
            "rouge2_mean",
            "rougeL_mean",
            "rougeLsum_mean");
    assertThat(r.get("rouge1")).isEqualTo(List.of(0.5, 0.0));
    assertThat(r.get("rouge1_mean")).isEqualTo(0.25);
    assertThat(agg.size()).isEqualTo(2);
    assertThat(agg.values("rouge1")).containsExactly(0.5, 0.0);
  }

  @Test
  void integerKeysAreIntegers() {
    MetricAggregator tl = new MetricAggregator(new TokenLengthMetric());
    tl.add("a b c", "a b c d e f");
    tl.add("a", "a b");
    Map<String, Object> r = tl.result();
    assertThat(r.keySet())
        .containsExactly(
            "ref_token_length",
            "pred_token_length",
            "ref_token_length_mean",
            "pred_token_length_mean");
    assertThat(r.get("ref_token_length")).isEqualTo(List.of(8, 2));
    assertThat(r.get("pred_token_length")).isEqualTo(List.of(4, 1));
    assertThat(r.get("ref_token_length_mean")).isEqualTo(5.0);

    MetricAggregator em = new MetricAggregator(new ExactMatchMetric());
    em.add("x", "x");
    em.add("x", "y");
    em.add("y ", "y");
    assertThat(em.result().get("exact_match")).isEqualTo(List.of(1, 0, 1));
    assertThat((double) em.result().get("exact_match_mean")).isEqualTo(2.0 / 3);
  }

  @Test
  void evaluateAllMetrics() {
    List<Metric> metrics =
        MetricRegistry.supported().stream()
            .map(n -> MetricRegistry.create(n, MetricOptions.defaults()))
            .toList();
    Map<String, Map<String, Object>> out =
        MetricAggregator.evaluate(
            metrics, List.of("the cat sat on the mat", ""), List.of("the cat sat on the mat", "x"));
    assertThat(out.keySet())
        .containsExactly("bleu", "exact_match", "meteor", "rouge", "token_length");
    assertThat(out.get("bleu"))
        .containsEntry("bleu", List.of(1.0, 0.0))
        .containsEntry("bleu_mean", 0.5);
    assertThat(out.get("meteor")).containsKeys("meteor", "meteor_mean");
    assertThatThrownBy(() -> MetricAggregator.evaluate(metrics, List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noSamplesGiveZeroMeans() {
    MetricAggregator agg = new MetricAggregator(new BleuMetric());
    assertThat(agg.result()).containsEntry("bleu", List.of()).containsEntry("bleu_mean", 0.0);
    assertThat(MetricAggregator.mean(new double[0])).isNaN();
  }

  @Test
  void meanIsNumpysPairwiseMean() {
    // np.mean([0.1] * 10) == 0.1, while a left-to-right sum gives 0.09999999999999999
    double[] tenths = new double[10];
    java.util.Arrays.fill(tenths, 0.1);
    assertThat(MetricAggregator.mean(tenths)).isEqualTo(0.1);
    // np.mean([((i * 7919) % 1000) / 997.0 for i in range(1000)])
    double[] a = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = ((i * 7919) % 1000) / 997.0;
    }
    assertThat(MetricAggregator.mean(a)).isEqualTo(0.5010030090270813);
    assertThat(MetricAggregator.mean(new double[] {1, 2, 3})).isEqualTo(2.0);
  }
}
