package ai.lumigator.api.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * NEW: {@code GET /experiments/{id}/samples}: the experiment's samples side by side across its
 * succeeded workflows, aligned by index.
 *
 * @param total samples of the longest workflow
 * @param keys every per-sample key ({@code <metric>_<key>}) any workflow has, the sort keys
 * @param notes what a reader must know about the alignment (workflows of different lengths, a
 *     workflow without results), empty when nothing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SamplesPage(
    @JsonProperty("experiment_id") String experimentId,
    @JsonProperty("total") int total,
    @JsonProperty("sort") String sort,
    @JsonProperty("workflows") List<Workflow> workflows,
    @JsonProperty("keys") List<String> keys,
    @JsonProperty("notes") List<String> notes,
    @JsonProperty("items") List<Item> items) {

  /**
   * @param samples how many samples this workflow has
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Workflow(
      @JsonProperty("workflow_id") String workflowId,
      @JsonProperty("name") String name,
      @JsonProperty("model") String model,
      @JsonProperty("samples") int samples) {}

  /**
   * One sample: the input and reference (from the first workflow that has this index), each
   * workflow's prediction and scores by workflow id (a workflow without this index is absent; a
   * score it lacks is null).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Item(
      @JsonProperty("index") int index,
      @JsonProperty("examples") String examples,
      @JsonProperty("ground_truth") String groundTruth,
      @JsonProperty("predictions") Map<String, String> predictions,
      @JsonProperty("scores") Map<String, Map<String, Double>> scores) {}
}
