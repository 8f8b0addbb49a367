package ai.lumigator.workflows.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.secrets.SecretKeyException;
import ai.lumigator.workflows.WorkerApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The worker refuses to start without a usable LUMIGATOR_SECRET_KEY, and says how to make one. No
 * Temporal server is needed: the refusal comes before any worker polls.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretKeyStartupTest {
  @TempDir Path dataDir;

  private void startWorker(String key) {
    new SpringApplicationBuilder(WorkerApplication.class)
        .properties("spring.config.name=worker")
        .run(
            "--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
            "--spring.temporal.connection.target=127.0.0.1:9",
            "--lumigator.secrets.key=" + key);
  }

  @Test
  void aMissingKeyStopsTheWorker(CapturedOutput output) {
    assertThatThrownBy(() -> startWorker(""))
        .hasRootCauseInstanceOf(SecretKeyException.class)
        .rootCause()
        .hasMessageStartingWith("LUMIGATOR_SECRET_KEY is not set.");
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("LUMIGATOR_SECRET_KEY is not set.")
        .contains("export LUMIGATOR_SECRET_KEY=\"$(openssl rand -base64 32)\"");
  }

  @Test
  void aMalformedKeyStopsTheWorkerWithoutPrintingIt(CapturedOutput output) {
    String malformed = "c2hvcnQta2V5"; // base64 of "short-key": 9 bytes
    assertThatThrownBy(() -> startWorker(malformed))
        .hasRootCauseInstanceOf(SecretKeyException.class)
        .rootCause()
        .hasMessageStartingWith(
            "LUMIGATOR_SECRET_KEY decodes to 9 bytes; AES-256 needs exactly 32.");
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("openssl rand -base64 32")
        .doesNotContain(malformed);
  }
}
