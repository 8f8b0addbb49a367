package ai.lumigator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSecretTest {
  @TempDir Path root;

  @Test
  void theKeyIsReadOnceFromTheAddressTheEnvironmentNamesAndThenRemoved() {
    LocalObjectStore store = new LocalObjectStore(root);
    S3Location at = S3Location.parse("s3://lumigator/jobs/secrets/job-1");
    store.put(at, "sk-once".getBytes(StandardCharsets.UTF_8), "text/plain");
    JobEnv env = new JobEnv(Map.of(JobEnv.SECRET_REF, at.toString()));

    assertThat(JobSecret.take(env, store)).isEqualTo("sk-once");
    assertThat(Files.exists(store.fileOf(at))).isFalse();
    assertThat(JobLog.redact("key sk-once")).isEqualTo("key <REDACTED>");

    assertThatThrownBy(() -> JobSecret.take(env, store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer at s3://lumigator/jobs/secrets/job-1")
        .hasMessageContaining("run the job again");
  }

  @Test
  void aKeyInTheEnvironmentItselfIsStillTakenAndNoReferenceMeansNoKey() {
    LocalObjectStore store = new LocalObjectStore(root);
    assertThat(JobSecret.take(new JobEnv(Map.of(JobEnv.API_KEY, "sk-env")), store))
        .isEqualTo("sk-env");
    assertThat(JobSecret.take(new JobEnv(Map.of()), store)).isNull();
  }
}
