package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledSamplesTest {
  final List<String> opened = new ArrayList<>();

  static WorkflowRow row(String id, String compiledKey) {
    WorkflowRow w = LeaderboardTest.workflow(id, "succeeded", 1, "{}");
    return new WorkflowRow(
        w.id(),
        w.experimentId(),
        w.name(),
        w.description(),
        w.model(),
        w.provider(),
        w.baseUrl(),
        w.systemPrompt(),
        w.secretKeyName(),
        w.requestJson(),
        w.status(),
        w.failureReason(),
        w.metricsJson(),
        w.parametersJson(),
        compiledKey,
        w.createdAt(),
        w.updatedAt());
  }

  InputStream fixture(String key) {
    opened.add(key);
    return CompiledSamplesTest.class.getResourceAsStream("/compiled/" + key);
  }

  @Test
  void aWorkflowIsReadOnceThenServedFromTheCache() {
    CompiledSamples reader = new CompiledSamples(this::fixture, 1 << 20);
    WorkflowRow a = row("a", "a.json");

    assertThat(reader.withTexts(a)).hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(3));
    assertThat(reader.scores(a)).isPresent();
    assertThat(reader.withTexts(a).orElseThrow().texts().predictions()).hasSize(3);
    assertThat(opened).containsExactly("a.json");
  }

  @Test
  void theCacheStaysWithinItsBudgetDroppingTheLeastRecentlyUsed() {
    // room for one workflow's scores (a: 5 arrays of 3, b: 2 of 2) but not both
    CompiledSamples reader = new CompiledSamples(this::fixture, 5 * (16 + 24));
    WorkflowRow a = row("a", "a.json");
    WorkflowRow b = row("b", "b.json");
    reader.scores(a);
    reader.scores(b);
    reader.scores(b);
    reader.scores(a);
    assertThat(opened).containsExactly("a.json", "b.json", "a.json");
  }

  @Test
  void noCompiledResultsIsEmptyAndAnUnreachableStoreIs503() {
    CompiledSamples missing =
        new CompiledSamples(
            key -> {
              throw new StorageException("Object not found: s3://b/" + key, key, true, 404, null);
            },
            1 << 20);
    assertThat(missing.scores(row("a", "gone.json"))).isEmpty();
    assertThat(missing.scores(row("a", null))).isEmpty();

    CompiledSamples down =
        new CompiledSamples(
            key -> {
              throw new StorageException("get failed: unreachable", key, false, 0, null);
            },
            1 << 20);
    assertThatThrownBy(() -> down.withTexts(row("a", "a.json")))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("Upstream error with S3: get failed: unreachable");
  }
}
