package ai.lumigator.activities.evaluations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compiled.json} of a workflow: the {@code metrics}, {@code parameters} and {@code
 * artifacts} of the inference and the evaluator results.json, each merged key by key. Where both
 * have a key (e.g. {@code parameters.name}, {@code artifacts.predictions}) the evaluator's value
 * wins, as in a Python dict merge; each job's own results.json keeps its whole config.
 */
final class CompiledResults {
  private CompiledResults() {}

  static ObjectNode compile(JsonNode inference, JsonNode evaluator) {
    ObjectNode compiled = JsonNodeFactory.instance.objectNode();
    for (String section : new String[] {"metrics", "parameters", "artifacts"}) {
      ObjectNode merged = compiled.putObject(section);
      merge(merged, inference.path(section));
      merge(merged, evaluator.path(section));
    }
    return compiled;
  }

  private static void merge(ObjectNode into, JsonNode from) {
    if (!from.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.set(e.getKey(), e.getValue());
    }
  }

  /**
   * The workflow's parameters, flat: its jobs and datasets, model and provider, each job's run time
   * in seconds (rounded to 3 decimals) and the evaluator's metric list.
   */
  static Map<String, Object> parameters(
      CompileEvaluation request, JsonNode inference, JsonNode evaluator) {
    Map<String, Object> p = new LinkedHashMap<>();
    JsonNode server = inference.path("parameters").path("inference_server");
    p.put("model", textOrNull(server.path("model")));
    p.put("provider", textOrNull(server.path("provider")));
    p.put("inference_job_id", request.inferenceJobId());
    p.put("evaluation_job_id", request.evaluatorJobId());
    p.put("predictions_dataset_id", request.predictionsDatasetId());
    p.put("inference_time", seconds(inference.path("artifacts").path("inference_time")));
    p.put("evaluation_time", seconds(evaluator.path("artifacts").path("evaluation_time")));
    JsonNode maxSamples = inference.path("parameters").path("job").path("max_samples");
    p.put("max_samples", maxSamples.isIntegralNumber() ? maxSamples.asLong() : null);
    JsonNode metrics = evaluator.path("parameters").path("evaluation").path("metrics");
    if (metrics.isArray()) {
      List<String> names = new ArrayList<>();
      metrics.forEach(m -> names.add(m.asText()));
      p.put("metrics", names);
    }
    return p;
  }

  private static Double seconds(JsonNode n) {
    return n.isNumber() ? FlatMetrics.round3(n.asDouble()) : null;
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }
}
