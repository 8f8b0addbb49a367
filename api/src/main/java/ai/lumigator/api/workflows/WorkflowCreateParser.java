package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the fields of a {@code WorkflowCreateRequest} (API.md, "Experiments and workflows") that
 * belong to the workflow itself; shape errors are 422 with {loc, msg, type} items. The job fields
 * are checked by turning them into job requests ({@link EvaluationPlanner}).
 */
final class WorkflowCreateParser {
  private final List<ValidationError> errors = new ArrayList<>();

  private WorkflowCreateParser() {}

  static WorkflowSpec parse(JsonNode body) {
    return new WorkflowCreateParser().read(body);
  }

  private WorkflowSpec read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new RequestShapeException(
          List.of(
              new ValidationError(
                  List.of("body"), "Input should be a valid dictionary", "dict_type")));
    }
    String name = requiredString(body, "name");
    String description = optionalString(body, "description", "");
    UUID experiment = uuid(body, "experiment_id");
    String model = requiredString(body, "model");
    String provider = requiredString(body, "provider");
    String baseUrl = optionalString(body, "base_url", null);
    String secret = optionalString(body, "secret_key_name", null);
    String systemPrompt = optionalString(body, "system_prompt", "");
    String outputField = optionalString(body, "inference_output_field", "predictions");
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    return new WorkflowSpec(
        name,
        description,
        experiment,
        model,
        provider,
        baseUrl,
        secret,
        systemPrompt,
        outputField,
        body.get("batch_size"),
        body.get("job_timeout_sec"),
        body.get("generation_config"),
        body.get("metrics"),
        body.get("llm_as_judge"));
  }

  private String requiredString(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      add(field, "Field required", "missing");
      return null;
    }
    if (!v.isTextual()) {
      add(field, "Input should be a valid string", "string_type");
      return null;
    }
    if (v.asText().isBlank()) {
      add(field, "String should have at least 1 character", "string_too_short");
      return null;
    }
    return v.asText();
  }

  private String optionalString(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isTextual()) {
      add(field, "Input should be a valid string", "string_type");
      return dflt;
    }
    return v.asText();
  }

  private UUID uuid(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      add(field, "Field required", "missing");
      return null;
    }
    try {
      return UUID.fromString(v.asText());
    } catch (IllegalArgumentException e) {
      add(field, "Input should be a valid UUID", "uuid_parsing");
      return null;
    }
  }

  private void add(String field, String msg, String type) {
    errors.add(new ValidationError(List.of("body", field), msg, type));
  }
}
