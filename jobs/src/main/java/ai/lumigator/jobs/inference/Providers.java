package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers the inference job speaks to. {@code baseline} runs in the job ({@link
 * BaselineModelClient}); all others are OpenAI-compatible chat-completions servers ({@link
 * OpenAiCompatibleClient}) at the configured {@code base_url}, or at the provider's public default
 * when it is null:
 *
 * <table>
 *   <tr><th>provider</th><th>default base URL</th></tr>
 *   <tr><td>openai</td><td>https://api.openai.com/v1</td></tr>
 *   <tr><td>mistral</td><td>https://api.mistral.ai/v1</td></tr>
 *   <tr><td>deepseek</td><td>https://api.deepseek.com/v1</td></tr>
 *   <tr><td>ollama</td><td>http://localhost:11434/v1</td></tr>
 *   <tr><td>llamafile</td><td>http://localhost:8080/v1</td></tr>
 *   <tr><td>hosted_vllm</td><td>none: base_url is required</td></tr>
 *   <tr><td>self-hosted</td><td>none: base_url is required</td></tr>
 * </table>
 *
 * {@code self-hosted} is what the original web UI's "Self-Hosted" option sends: any
 * OpenAI-compatible server of the user's. For it, ollama and llamafile a base URL without a path
 * (e.g. {@code http://host:11434}) gets {@code /v1} appended, since that is where such servers
 * serve the API; other base URLs are used as given (they must include the API's version path, as
 * OpenAI SDKs expect).
 */
public final class Providers {
  public static final String BASELINE = BaselineModelClient.PROVIDER;
  public static final String HOSTED_VLLM = "hosted_vllm";
  public static final String SELF_HOSTED = "self-hosted";

  private static final Map<String, String> DEFAULT_BASE_URLS =
      Map.of(
          "openai", "https://api.openai.com/v1",
          "mistral", "https://api.mistral.ai/v1",
          "deepseek", "https://api.deepseek.com/v1",
          "ollama", "http://localhost:11434/v1",
          "llamafile", "http://localhost:8080/v1");

  /** Every provider value the job accepts. */
  public static final List<String> SUPPORTED =
      List.of(
          "openai",
          "mistral",
          "deepseek",
          HOSTED_VLLM,
          SELF_HOSTED,
          "ollama",
          "llamafile",
          BASELINE);

  /** Providers without a public default: the request names the server's {@code base_url}. */
  public static final List<String> NEED_BASE_URL = List.of(HOSTED_VLLM, SELF_HOSTED);

  private static final List<String> V1_APPENDED = List.of(SELF_HOSTED, "ollama", "llamafile");

  private Providers() {}

  public static Optional<String> defaultBaseUrl(String provider) {
    return Optional.ofNullable(DEFAULT_BASE_URLS.get(normalize(provider)));
  }

  /**
   * The chat-completions base URL for a provider and configured base URL.
   *
   * @throws IllegalArgumentException for an unknown provider, or one of {@link #NEED_BASE_URL}
   *     without base_url
   */
  public static String baseUrl(String provider, String configured) {
    String p = normalize(provider);
    if (!SUPPORTED.contains(p) || BASELINE.equals(p)) {
      throw unknown(provider);
    }
    if (configured == null || configured.isBlank()) {
      if (NEED_BASE_URL.contains(p)) {
        throw new IllegalArgumentException(
            "provider " + p + " needs inference_server.base_url (" + needsWhat(p) + ")");
      }
      return DEFAULT_BASE_URLS.get(p);
    }
    String url = configured.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "inference_server.base_url is not a URL: '" + configured + "'");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "inference_server.base_url must be an http(s) URL: '" + configured + "'");
    }
    if (V1_APPENDED.contains(p) && (uri.getPath() == null || uri.getPath().isEmpty())) {
      url = url + "/v1";
    }
    return url;
  }

  /**
   * A client for a config's inference server.
   *
   * @param apiKey the bearer key ({@code api_key} env var), or null
   * @throws IllegalArgumentException for an unknown provider or model, or a bad base URL
   */
  public static ModelClient create(
      InferenceServer server, GenerationConfig generation, String systemPrompt, String apiKey) {
    String p = normalize(server.provider());
    if (BASELINE.equals(p)) {
      return BaselineModelClient.create(server.model());
    }
    if ("hf".equals(p) || "huggingface".equals(p)) {
      throw new IllegalArgumentException(
          "provider hf is not available in this release; serve the model with vLLM and use"
              + " provider hosted_vllm");
    }
    String base = baseUrl(p, server.baseUrl());
    int timeout =
        server.requestTimeoutSec() == null
            ? InferenceServer.DEFAULT_REQUEST_TIMEOUT_SEC
            : server.requestTimeoutSec();
    return new OpenAiCompatibleClient(
        base,
        server.model(),
        systemPrompt,
        generation,
        apiKey,
        RetryPolicy.of(server.maxRetries()),
        Duration.ofSeconds(timeout));
  }

  /** What the base URL of a provider in {@link #NEED_BASE_URL} is, for error messages. */
  public static String needsWhat(String provider) {
    return HOSTED_VLLM.equals(normalize(provider))
        ? "the vLLM server's /v1 URL"
        : "the URL of your OpenAI-compatible server, e.g. http://host:8000/v1";
  }

  private static String normalize(String provider) {
    return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException unknown(String provider) {
    return new IllegalArgumentException(
        "unknown provider '" + provider + "'; supported: " + String.join(", ", SUPPORTED));
  }
}
