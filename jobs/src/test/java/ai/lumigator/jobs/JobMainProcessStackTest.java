package ai.lumigator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.SmokeConfig;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.storage.S3ObjectStore;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.StackS3;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobMain} as Ray runs it: a separate JVM, environment variables only (S3 endpoint, region,
 * AWS credentials from the default chain, job id, api_key), against the local stack's S3Proxy.
 */
@Tag("stack")
class JobMainProcessStackTest {
  final String jobId = UUID.randomUUID().toString();

  record Result(int code, String stdout, String stderr) {}

  Result runJob(Map<String, String> extraEnv, Path tmp, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(JobMain.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("AWS_") || k.equals("MZAI_JOB_ID") || k.equals("api_key"));
    pb.environment().putAll(StackS3.jobEnv());
    pb.environment().putAll(extraEnv);
    File out = tmp.resolve("out.txt").toFile();
    File err = tmp.resolve("err.txt").toFile();
    pb.redirectOutput(out).redirectError(err);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // the test class path carries two slf4j providers (the shaded jar has one): drop their notice
    String stderr =
        Files.readString(err.toPath())
            .lines()
            .filter(l -> !l.startsWith("SLF4J("))
            .map(l -> l + "\n")
            .reduce("", String::concat);
    return new Result(p.exitValue(), Files.readString(out.toPath()), stderr);
  }

  @Test
  void smokeInItsOwnProcess(@TempDir Path tmp) throws Exception {
    String in = "s3://" + StackS3.bucket() + "/tests/jobs/" + jobId + "/in.txt";
    String outPath = "s3://" + StackS3.bucket() + "/tests/jobs/" + jobId + "/out.txt";
    try (S3ObjectStore store = StackS3.store()) {
      store.put(S3Location.parse(in), "ray smoke".getBytes(StandardCharsets.UTF_8), "text/plain");
      Result r =
          runJob(
              Map.of(),
              tmp,
              "smoke",
              "--config",
              JobConfigJson.toJson(SmokeConfig.of(in, outPath)));
      assertThat(r.code()).as(r.stderr()).isZero();
      assertThat(r.stderr()).isEmpty();
      try (InputStream is = store.open(S3Location.parse(outPath))) {
        assertThat(new String(is.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("RAY SMOKE");
      }
      Result missing =
          runJob(
              Map.of(),
              tmp,
              "smoke",
              "--config",
              JobConfigJson.toJson(SmokeConfig.of(in + ".none", outPath)));
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.stderr().strip().split("\n")).hasSize(1);
      assertThat(missing.stderr()).startsWith("lumigator job smoke failed: object not found: ");
    }
  }

  @Test
  void inferenceWritesResultsAndProgressToS3(@TempDir Path tmp) throws Exception {
    String ds = "s3://" + StackS3.bucket() + "/tests/jobs/" + jobId + "/datasets/d/x.csv";
    String results = "s3://" + StackS3.bucket() + "/tests/jobs/" + jobId + "/results.json";
    String secret = "sk-process-secret-" + jobId;
    try (S3ObjectStore store = StackS3.store();
        FakeChatServer server = FakeChatServer.start()) {
      store.put(
          S3Location.parse(ds + "/dataset.csv"),
          "examples,ground_truth\n\"a\nb\",x\nc,y\n".getBytes(StandardCharsets.UTF_8),
          "text/csv");
      String cfg =
          """
          {"name": "p/%s", "dataset": {"path": "%s"},
           "job": {"max_samples": -1, "batch_size": 1, "output_field": "predictions", "storage_path": "%s"},
           "task_definition": {"task": "summarization"}, "system_prompt": "Sum up.",
           "inference_server": {"base_url": "%s", "model": "m", "provider": "hosted_vllm", "max_retries": 1},
           "generation_config": {"max_new_tokens": 16, "frequency_penalty": 0.0, "temperature": 0.5, "top_p": 0.5}}
          """
              .formatted(jobId, ds, results, server.baseUrl());
      Result r =
          runJob(
              Map.of("MZAI_JOB_ID", jobId, "api_key", secret), tmp, "inference", "--config", cfg);
      assertThat(r.code()).as(r.stderr()).isZero();
      assertThat(r.stdout()).contains("progress inference 2/2").doesNotContain(secret);
      JsonNode res;
      try (InputStream is = store.open(S3Location.parse(results))) {
        res = JobConfigJson.mapper().readTree(is);
      }
      assertThat(res.path("artifacts").path("predictions").get(0).asText()).isEqualTo("pred: a\nb");
      assertThat(res.path("metrics").path("avg_total_tokens").asDouble()).isPositive();
      try (InputStream is =
          store.open(new S3Location(StackS3.bucket(), "jobs/progress/" + jobId + ".json"))) {
        JsonNode progress = JobConfigJson.mapper().readTree(is);
        assertThat(progress.path("done").asInt()).isEqualTo(2);
        assertThat(progress.path("total").asInt()).isEqualTo(2);
      }
      assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer " + secret);
    }
  }
}
