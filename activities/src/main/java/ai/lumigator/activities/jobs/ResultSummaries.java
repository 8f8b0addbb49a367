package ai.lumigator.activities.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary of a results.json that the API serves: {@code metrics}, {@code parameters} and {@code
 * artifacts} without per-sample arrays (predictions, examples, per-sample scores), so a summary
 * stays small whatever the dataset size. {@code parameters} (the job's config) is kept whole.
 */
public final class ResultSummaries {
  private ResultSummaries() {}

  public static ObjectNode summarize(JsonNode results) {
    ObjectNode summary = results.deepCopy();
    if (summary.get("metrics") instanceof ObjectNode metrics) dropArrays(metrics);
    if (summary.get("artifacts") instanceof ObjectNode artifacts) dropArrays(artifacts);
    return summary;
  }

  private static void dropArrays(ObjectNode node) {
    List<String> arrays = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isArray()) arrays.add(e.getKey());
              else if (e.getValue() instanceof ObjectNode child) dropArrays(child);
            });
    node.remove(arrays);
  }
}
