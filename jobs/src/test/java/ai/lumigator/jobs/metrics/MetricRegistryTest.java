package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  @Test
  void supportedIsSorted() {
    assertThat(MetricRegistry.supported())
        .containsExactly("bleu", "exact_match", "meteor", "rouge", "token_length")
        .isSorted();
  }

  @Test
  void createsEverySupportedMetric() {
    for (String name : MetricRegistry.supported()) {
      Metric m = MetricRegistry.create(name, MetricOptions.defaults());
      assertThat(m.name()).isEqualTo(name);
      assertThat(m.keys()).isNotEmpty();
    }
    assertThat(MetricRegistry.create("rouge", null).keys()).hasSize(4);
  }

  @Test
  void unknownMetricListsSupportedNames() {
    assertThatThrownBy(() -> MetricRegistry.create("bertscore", MetricOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bertscore")
        .hasMessageContaining("bleu, exact_match, meteor, rouge, token_length");
    assertThatThrownBy(() -> MetricRegistry.create(null, MetricOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taskDefaults() {
    assertThat(MetricRegistry.defaultsFor("summarization")).containsExactly("rouge", "meteor");
    assertThat(MetricRegistry.defaultsFor("translation")).containsExactly("bleu", "meteor");
    assertThat(MetricRegistry.defaultsFor("text-generation"))
        .containsExactly("rouge", "bleu", "meteor");
    assertThatThrownBy(() -> MetricRegistry.defaultsFor("classification"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summarization");
  }

  @Test
  void defaultOptions() {
    assertThat(MetricOptions.defaults()).isEqualTo(new MetricOptions(false, false));
  }
}
