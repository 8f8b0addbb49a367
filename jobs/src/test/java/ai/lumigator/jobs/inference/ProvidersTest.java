package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceServer;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  @Test
  void defaultBaseUrls() {
    assertThat(Providers.baseUrl("openai", null)).isEqualTo("https://api.openai.com/v1");
    assertThat(Providers.baseUrl("mistral", "")).isEqualTo("https://api.mistral.ai/v1");
    assertThat(Providers.baseUrl("deepseek", null)).isEqualTo("https://api.deepseek.com/v1");
    assertThat(Providers.baseUrl("ollama", null)).isEqualTo("http://localhost:11434/v1");
    assertThat(Providers.baseUrl("llamafile", null)).isEqualTo("http://localhost:8080/v1");
  }

  @Test
  void configuredBaseUrls() {
    assertThat(Providers.baseUrl("hosted_vllm", "http://vllm:8000/v1/"))
        .isEqualTo("http://vllm:8000/v1");
    assertThat(Providers.baseUrl("ollama", "http://gpu-box:11434"))
        .isEqualTo("http://gpu-box:11434/v1");
    assertThat(Providers.baseUrl("llamafile", "http://127.0.0.1:8081/"))
        .isEqualTo("http://127.0.0.1:8081/v1");
    assertThat(Providers.baseUrl("openai", "https://proxy.example/openai/v1"))
        .isEqualTo("https://proxy.example/openai/v1");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> Providers.baseUrl("hosted_vllm", null))
        .hasMessageContaining("needs inference_server.base_url");
    assertThatThrownBy(() -> Providers.baseUrl("acme", null))
        .hasMessageContaining(
            "unknown provider 'acme'; supported: openai, mistral, deepseek, hosted_vllm, self-hosted, ollama, llamafile, baseline");
    assertThatThrownBy(() -> Providers.baseUrl("openai", "ftp://x"))
        .hasMessageContaining("http(s) URL");
    assertThatThrownBy(
            () ->
                Providers.create(
                    InferenceServer.of(null, "m", "hf", 1),
                    GenerationConfig.defaults(),
                    null,
                    null))
        .hasMessageContaining("use provider hosted_vllm");
  }

  @Test
  void createsTheRightClient() {
    assertThat(
            Providers.create(InferenceServer.of(null, "lead-3", "baseline", 0), null, null, null))
        .isInstanceOf(BaselineModelClient.class);
    ModelClient c =
        Providers.create(InferenceServer.of(null, "gpt-4o-mini", "OpenAI", 3), null, "p", "k");
    assertThat(c).isInstanceOf(OpenAiCompatibleClient.class);
    assertThat(((OpenAiCompatibleClient) c).endpoint().toString())
        .isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(c.defaultConcurrency()).isEqualTo(16);
  }

  @Test
  void selfHostedIsAnOpenAiCompatibleServerAtItsBaseUrl() {
    // the original web UI's "Self-Hosted" option: the user pastes the server's URL, with or
    // without the API's /v1
    assertThat(Providers.baseUrl("self-hosted", "http://127.0.0.1:8081"))
        .isEqualTo("http://127.0.0.1:8081/v1");
    assertThat(Providers.baseUrl("Self-Hosted", "http://gpu-box:8000/v1/"))
        .isEqualTo("http://gpu-box:8000/v1");
    ModelClient c =
        Providers.create(
            InferenceServer.of("http://gpu-box:8000", "my-model", "self-hosted", 1),
            null,
            "p",
            null);
    assertThat(c).isInstanceOf(OpenAiCompatibleClient.class);
    assertThat(((OpenAiCompatibleClient) c).endpoint().toString())
        .isEqualTo("http://gpu-box:8000/v1/chat/completions");
    assertThatThrownBy(() -> Providers.baseUrl("self-hosted", " "))
        .hasMessage(
            "provider self-hosted needs inference_server.base_url (the URL of your"
                + " OpenAI-compatible server, e.g. http://host:8000/v1)");
  }
}
