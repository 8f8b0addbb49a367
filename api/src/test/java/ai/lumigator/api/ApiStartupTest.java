package ai.lumigator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.secrets.SecretKeyException;
import ai.lumigator.api.cors.InvalidCorsOriginsException;
import ai.lumigator.api.models.ModelCatalogueException;
import ai.lumigator.api.testing.ApiOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The API refuses to start on configuration it cannot serve correctly, with Spring Boot's short
 * "APPLICATION FAILED TO START" report saying what to do, instead of failing later at a request.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiStartupTest {
  @TempDir Path dataDir;

  private void start(String... properties) {
    ApiOnly.run(dataDir, new Class<?>[0], properties).close();
  }

  @Test
  void aMalformedSecretKeyStopsTheApi(CapturedOutput output) {
    String malformed = "not*base64*at*all";
    assertThatThrownBy(() -> start("lumigator.secrets.key=" + malformed))
        .hasRootCauseInstanceOf(SecretKeyException.class)
        .rootCause()
        .hasMessageStartingWith("LUMIGATOR_SECRET_KEY is not valid base64.");
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("LUMIGATOR_SECRET_KEY is not valid base64.")
        .contains("openssl rand -base64 32")
        .doesNotContain(malformed);
  }

  @Test
  void aMissingSecretKeyStopsTheApi(CapturedOutput output) {
    assertThatThrownBy(() -> start("lumigator.secrets.key="))
        .hasRootCauseInstanceOf(SecretKeyException.class);
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("LUMIGATOR_SECRET_KEY is not set.");
  }

  @Test
  void aBrokenCatalogueStopsTheApiListingItsProblems(CapturedOutput output) throws Exception {
    Path catalogue = dataDir.resolve("models.yaml");
    Files.writeString(
        catalogue,
        """
        - display_name: GPT
          model: gpt-4o
          provider: opneai
          tasks: [summarization]
        - display_name: No tasks
          model: lead-3
          provider: baseline
        """);
    assertThatThrownBy(() -> start("lumigator.api.models.catalogue=file:" + catalogue))
        .hasRootCauseInstanceOf(ModelCatalogueException.class);
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Model catalogue file:" + catalogue + " is invalid:")
        .contains(
            "entry 1 (GPT): unknown provider 'opneai'; supported: openai, mistral, deepseek,"
                + " hosted_vllm, self-hosted, ollama, llamafile, baseline")
        .contains("entry 2 (No tasks): missing field 'tasks'")
        .contains("LUMIGATOR_MODELS_CATALOGUE");
  }

  @Test
  void aMissingCatalogueFileStopsTheApi(CapturedOutput output) {
    Path absent = dataDir.resolve("absent.yaml");
    assertThatThrownBy(() -> start("lumigator.api.models.catalogue=file:" + absent))
        .hasRootCauseInstanceOf(ModelCatalogueException.class)
        .rootCause()
        .hasMessageContaining("file not found");
    assertThat(output).contains("APPLICATION FAILED TO START");
  }

  @Test
  void malformedCorsOriginsStopTheApi(CapturedOutput output) {
    assertThatThrownBy(() -> start("lumigator.api.cors.allowed-origins=http://localhost:3000/app"))
        .hasRootCauseInstanceOf(InvalidCorsOriginsException.class)
        .rootCause()
        .hasMessage(
            "LUMIGATOR_API_CORS_ALLOWED_ORIGINS: 'http://localhost:3000/app' is not an origin;"
                + " write scheme://host[:port], e.g. http://localhost:3000");
    assertThatThrownBy(() -> start("lumigator.api.cors.allowed-origins=*,http://localhost:3000"))
        .hasRootCauseInstanceOf(InvalidCorsOriginsException.class)
        .rootCause()
        .hasMessageContaining("'*' allows every origin and must stand alone");
    assertThat(output).contains("APPLICATION FAILED TO START");
  }
}
