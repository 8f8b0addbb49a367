package ai.lumigator.activities.evaluations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code compiled.json} of a workflow: the {@code metrics}, {@code parameters} and {@code
 * artifacts} of the inference and the evaluator results.json, each merged key by key. Where both
 * have a key (e.g. {@code parameters.name}, {@code artifacts.predictions}) the evaluator's value
 * wins, as in a Python dict merge; each job's own results.json keeps its whole config.
 *
 * <p>A results.json holds per-sample arrays as large as the dataset, so nothing here holds one in
 * memory: {@link #outline} reads a file once keeping only its small values, and {@link #write}
 * copies the sections token by token from fresh reads of both files.
 */
final class CompiledResults {
  static final List<String> SECTIONS = List.of("metrics", "parameters", "artifacts");
  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  private CompiledResults() {}

  /** A results.json whose top level is not a JSON object. */
  static final class NotAnObject extends IOException {
    NotAnObject() {
      super("not a JSON object");
    }
  }

  /** A source of a results.json, opened once per read. */
  interface Source {
    InputStream open() throws IOException;
  }

  /**
   * A results.json without its per-sample data: {@code summary} has {@code parameters} whole and
   * {@code metrics} / {@code artifacts} without arrays; {@code keys} lists every key of each
   * section.
   */
  record Outline(ObjectNode summary, Map<String, Set<String>> keys) {}

  static Outline outline(InputStream in) throws IOException {
    ObjectNode summary = JsonNodeFactory.instance.objectNode();
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    SECTIONS.forEach(s -> keys.put(s, new LinkedHashSet<>()));
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new NotAnObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        JsonToken value = p.nextToken();
        if (!keys.containsKey(section) || value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        ObjectNode node = summary.putObject(section);
        boolean whole = section.equals("parameters");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          keys.get(section).add(key);
          p.nextToken();
          JsonNode small = whole ? p.readValueAsTree() : withoutArrays(p);
          if (small != null) node.set(key, small);
        }
      }
    }
    return new Outline(summary, keys);
  }

  /** The value at the parser, arrays (at any depth) left out; null for an array. */
  private static JsonNode withoutArrays(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    if (t != JsonToken.START_OBJECT) return p.readValueAsTree();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      JsonNode child = withoutArrays(p);
      if (child != null) node.set(key, child);
    }
    return node;
  }

  /**
   * Writes the merged document: per section, the inference's keys the evaluator lacks, then all of
   * the evaluator's.
   */
  static void write(Source inference, Source evaluator, Outline evaluatorOutline, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      for (String section : SECTIONS) {
        Set<String> overridden = evaluatorOutline.keys().get(section);
        g.writeFieldName(section);
        g.writeStartObject();
        copySection(inference, section, key -> !overridden.contains(key), g);
        copySection(evaluator, section, key -> true, g);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  private static void copySection(
      Source source, String section, Predicate<String> keep, JsonGenerator g) throws IOException {
    try (InputStream in = source.open();
        JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new NotAnObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!name.equals(section) || value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (keep.test(key)) {
            g.writeFieldName(key);
            g.copyCurrentStructure(p);
          } else {
            p.skipChildren();
          }
        }
        return;
      }
    }
  }

  /** The merged metrics of both outlines (the evaluator's win), for the flat metrics. */
  static ObjectNode metrics(Outline inference, Outline evaluator) {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (Outline o : List.of(inference, evaluator)) {
      JsonNode m = o.summary().path("metrics");
      if (m instanceof ObjectNode obj) merged.setAll(obj);
    }
    return merged;
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
