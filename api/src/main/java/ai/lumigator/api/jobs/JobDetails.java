package ai.lumigator.api.jobs;

import ai.lumigator.activities.jobs.SecretRedaction;
import ai.lumigator.jobs.config.DatasetRef;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /jobs/{id}}: the JobResponse fields plus Ray's details as the row holds them (times in
 * Unix ms as Ray reports them), the job's config with {@code dataset: {id, name}}, {@code
 * max_samples} and {@code model_name_or_path}, and progress. Every value under a key naming a
 * secret is {@code <REDACTED>}. Every field of the original's {@code Job} schema is present: {@code
 * runtime_env} is {@code {}} before Ray has the job (the schema's default; null does not validate),
 * and the driver fields this backend does not record are null. Ours besides: {@code cache}, the
 * job's use of the inference cache (null for jobs that have no cache key).
 */
final class JobDetails {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JobDetails() {}

  static Map<String, Object> of(JobRow row) {
    JobResponse base = JobResponse.of(row);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", base.id());
    d.put("name", base.name());
    d.put("description", base.description());
    d.put("status", base.status());
    d.put("job_type", base.jobType());
    d.put("created_at", base.createdAt());
    d.put("updated_at", base.updatedAt());
    d.put("experiment_id", base.experimentId());
    d.put("type", row.raySubmissionId() == null ? null : "SUBMISSION");
    d.put("submission_id", row.raySubmissionId());
    d.put("message", row.rayMessage() != null ? row.rayMessage() : row.failureReason());
    d.put("error_type", row.rayErrorType());
    d.put("start_time", row.rayStartTime());
    d.put("end_time", row.rayEndTime());
    Map<String, Object> metadata = map(row.rayMetadataJson());
    d.put("metadata", metadata != null ? metadata : Map.of("job_type", row.jobType()));
    Map<String, Object> runtimeEnv = map(row.rayRuntimeEnvJson());
    d.put("runtime_env", runtimeEnv != null ? runtimeEnv : new LinkedHashMap<>());
    d.put("driver_info", null);
    d.put("driver_agent_http_address", null);
    d.put("driver_node_id", null);
    d.put("driver_exit_code", row.rayDriverExitCode());
    d.put("failure_reason", row.failureReason());
    d.put("config", config(row));
    d.put("progress", progress(row));
    d.put("cache", map(row.cacheJson()));
    return SecretRedaction.redactMap(d);
  }

  private static Map<String, Object> config(JobRow row) {
    Map<String, Object> config = map(row.configJson());
    if (config == null) return null;
    Object dataset = config.get("dataset");
    if (dataset instanceof Map<?, ?> ds && ds.get("path") instanceof String path) {
      DatasetRef ref = DatasetRef.of(path);
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("id", ref.datasetId().orElse(row.datasetId()));
      named.put("name", ref.filename().orElse(null));
      config.put("dataset", named);
    }
    boolean evaluator = JobTypes.EVALUATOR.equals(row.jobType());
    Object settings = config.get(evaluator ? "evaluation" : "job");
    if (settings instanceof Map<?, ?> s) config.put("max_samples", s.get("max_samples"));
    if (!evaluator && config.get("inference_server") instanceof Map<?, ?> server) {
      config.put("model_name_or_path", server.get("model"));
    } else {
      config.put("model_name_or_path", null);
    }
    return config;
  }

  private static Map<String, Object> progress(JobRow row) {
    if (row.progressDone() == null || row.progressTotal() == null) return null;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("done", row.progressDone());
    p.put("total", row.progressTotal());
    return p;
  }

  private static Map<String, Object> map(String json) {
    if (json == null || json.isBlank()) return null;
    try {
      return JSON.readValue(json, MAP);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored JSON of a job is unreadable", e);
    }
  }
}
