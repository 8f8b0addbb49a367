package ai.lumigator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobEnvTest {
  static final String ID = "0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d";

  @Test
  void jobIdFromEnvElseFromTheConfigName() {
    assertThat(new JobEnv(Map.of("MZAI_JOB_ID", "abc")).jobId("x/" + ID)).contains("abc");
    assertThat(new JobEnv(Map.of()).jobId("my job/" + ID)).contains(ID);
    assertThat(new JobEnv(Map.of()).jobId("my job/not-a-uuid")).isEmpty();
    assertThat(new JobEnv(Map.of("MZAI_JOB_ID", " ")).jobId(null)).isEmpty();
  }

  @Test
  void apiKeyBlankIsAbsent() {
    assertThat(new JobEnv(Map.of("api_key", "  ")).apiKey()).isNull();
    assertThat(new JobEnv(Map.of("api_key", "k1")).apiKey()).isEqualTo("k1");
  }

  @Test
  void redaction() {
    JobLog.addSecret("s3cr3t-value");
    JobLog.addSecret("ab"); // too short to redact safely: ignored
    assertThat(JobLog.redact("key=s3cr3t-value; ab")).isEqualTo("key=<REDACTED>; ab");
  }
}
