package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The config of the inference job program (API.md, "Job program config"):
 *
 * <pre>
 * { "name": "&lt;job name&gt;/&lt;job id&gt;",
 *   "dataset": {"path": "s3://&lt;bucket&gt;/datasets/&lt;dataset id&gt;/&lt;filename&gt;"},
 *   "job": {"max_samples": -1, "batch_size": 1, "output_field": "predictions",
 *           "storage_path": "s3://&lt;bucket&gt;/jobs/results/&lt;job id&gt;/results.json"},
 *   "task_definition": {"task": "summarization"},
 *   "system_prompt": "...",
 *   "inference_server": {"base_url": null, "model": "gpt-4o-mini", "provider": "openai", "max_retries": 3},
 *   "generation_config": {"max_new_tokens": 1024, "frequency_penalty": 0.0, "temperature": 0.5, "top_p": 0.5} }
 * </pre>
 *
 * Secrets never appear here: the provider key arrives as the {@code api_key} environment variable.
 * A null {@code task_definition} reads as summarization and a null {@code generation_config} as the
 * defaults; a null {@code system_prompt} stays null in the JSON and the job then uses the task's
 * default prompt ({@link #effectiveSystemPrompt()}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "name",
  "dataset",
  "job",
  "task_definition",
  "system_prompt",
  "inference_server",
  "generation_config"
})
public record InferenceJobConfig(
    @JsonProperty("name") String name,
    @JsonProperty("dataset") DatasetRef dataset,
    @JsonProperty("job") InferenceJobSettings job,
    @JsonProperty("task_definition") TaskDefinition taskDefinition,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("inference_server") InferenceServer inferenceServer,
    @JsonProperty("generation_config") GenerationConfig generationConfig) {

  public InferenceJobConfig {
    taskDefinition = taskDefinition == null ? TaskDefinition.summarization() : taskDefinition;
    generationConfig = generationConfig == null ? GenerationConfig.defaults() : generationConfig;
  }

  /**
   * Builds a config the way the orchestrator does.
   *
   * @param jobName the job's name ({@code name} becomes {@code <jobName>/<jobId>})
   * @param jobId the job id
   * @param datasetPath {@code s3://<bucket>/datasets/<dataset id>/<filename>}
   * @param storagePath where results.json goes, see {@link JobPaths#resultsPath}
   */
  public static InferenceJobConfig of(
      String jobName,
      String jobId,
      String datasetPath,
      InferenceJobSettings job,
      TaskDefinition taskDefinition,
      String systemPrompt,
      InferenceServer inferenceServer,
      GenerationConfig generationConfig) {
    return new InferenceJobConfig(
        JobPaths.configName(jobName, jobId),
        DatasetRef.of(datasetPath),
        job,
        taskDefinition,
        systemPrompt,
        inferenceServer,
        generationConfig);
  }

  /** The system prompt the job sends: the configured one, else the task's default, else none. */
  public String effectiveSystemPrompt() {
    if (systemPrompt != null) {
      return systemPrompt;
    }
    return taskDefinition.defaultSystemPrompt().orElse(null);
  }

  /**
   * Problems that make this config unusable, one message each (empty when valid). The job refuses
   * to start with any of them.
   */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (dataset == null || isBlank(dataset.path())) {
      p.add("dataset.path is required");
    } else if (!JobPaths.isS3Uri(dataset.path())) {
      p.add("dataset.path must be an s3://bucket/key URI, got '" + dataset.path() + "'");
    }
    if (job == null) {
      p.add("job is required");
    } else if (isBlank(job.storagePath())) {
      p.add("job.storage_path is required");
    } else if (!JobPaths.isS3Uri(job.storagePath())) {
      p.add("job.storage_path must be an s3://bucket/key URI, got '" + job.storagePath() + "'");
    }
    if (inferenceServer == null) {
      p.add("inference_server is required");
    } else {
      if (isBlank(inferenceServer.model())) {
        p.add("inference_server.model is required");
      }
      if (isBlank(inferenceServer.provider())) {
        p.add("inference_server.provider is required");
      }
      if (inferenceServer.maxRetries() < 0) {
        p.add("inference_server.max_retries must be >= 0");
      }
      if (inferenceServer.concurrency() != null && inferenceServer.concurrency() < 1) {
        p.add("inference_server.concurrency must be >= 1");
      }
      if (inferenceServer.requestTimeoutSec() != null && inferenceServer.requestTimeoutSec() < 1) {
        p.add("inference_server.request_timeout_sec must be >= 1");
      }
    }
    return p;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
