package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.api.jobs.JobCreateParser;
import ai.lumigator.api.jobs.JobSpec;
import ai.lumigator.api.workflows.ShapeErrors;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code ExperimentCreate}: {@code name}, {@code description}, {@code dataset}, {@code
 * max_samples} and {@code task_definition} follow the rules of a job request's same fields, so the
 * jobs API's parser checks them (an experiment is the evaluation settings its workflows' jobs get).
 */
final class ExperimentCreateParser {
  private static final List<String> FIELDS =
      List.of("name", "description", "dataset", "max_samples");

  private ExperimentCreateParser() {}

  static ExperimentSpec parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new RequestShapeException(
          List.of(
              new ValidationError(
                  List.of("body"), "Input should be a valid dictionary", "dict_type")));
    }
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    for (String field : FIELDS) {
      if (body.has(field)) job.set(field, body.get(field));
    }
    ObjectNode config = job.putObject("job_config");
    config.put("job_type", JobTypes.EVALUATOR);
    if (body.has("task_definition")) config.set("task_definition", body.get("task_definition"));
    JobSpec spec;
    try {
      spec = JobCreateParser.parse(job, JobTypes.EVALUATOR);
    } catch (RequestShapeException e) {
      throw ShapeErrors.relocated(List.of(e), Map.of());
    }
    return new ExperimentSpec(
        spec.name(),
        spec.description(),
        spec.datasetId(),
        spec.maxSamples(),
        spec.taskDefinition());
  }
}
