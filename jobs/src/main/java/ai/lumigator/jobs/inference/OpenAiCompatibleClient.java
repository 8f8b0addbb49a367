package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.GenerationConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the OpenAI chat-completions protocol ({@code POST <base_url>/chat/completions}),
 * which OpenAI, Mistral, DeepSeek, vLLM, Ollama and llamafile all speak.
 *
 * <p>Request: {@code model}, {@code messages} = the system prompt (when not blank) and the example
 * as the user message, {@code max_tokens} (from {@code max_new_tokens}, omitted when null), {@code
 * temperature}, {@code top_p}, {@code frequency_penalty}. The key, when present, is sent as {@code
 * Authorization: Bearer <key>} and never logged.
 *
 * <p>Response: the first choice's {@code message.content} (null → {@code ""}; a leading {@code
 * <think>...</think>} block of reasoning models is removed) and {@code usage}.
 *
 * <p>Latency of a sample: from the send of its first attempt (after any hold-off another thread's
 * 429 imposed) to its successful response, with the failed attempts and the backoff between them:
 * what the sample cost in time, which a user comparing providers pays too.
 *
 * <p>Failures are retried per {@link RetryPolicy}. When a server answers 429 with {@code
 * Retry-After}, every thread of this client holds off until that moment, not only the one that got
 * the 429, so a rate-limited server is not hammered by the other in-flight requests.
 */
public final class OpenAiCompatibleClient implements ModelClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 300;

  private final URI endpoint;
  private final String model;
  private final String systemPrompt;
  private final GenerationConfig generation;
  private final String apiKey;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Clock clock;
  private final AtomicLong holdOffUntilMillis = new AtomicLong();

  public OpenAiCompatibleClient(
      String baseUrl,
      String model,
      String systemPrompt,
      GenerationConfig generation,
      String apiKey,
      RetryPolicy retry,
      Duration requestTimeout) {
    this(
        baseUrl, model, systemPrompt, generation, apiKey, retry, requestTimeout, Clock.systemUTC());
  }

  OpenAiCompatibleClient(
      String baseUrl,
      String model,
      String systemPrompt,
      GenerationConfig generation,
      String apiKey,
      RetryPolicy retry,
      Duration requestTimeout,
      Clock clock) {
    String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(b + "/chat/completions");
    this.model = model;
    this.systemPrompt = systemPrompt;
    this.generation = generation == null ? GenerationConfig.defaults() : generation;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.retry = retry;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    JobLog.addSecret(this.apiKey);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public int defaultConcurrency() {
    return ai.lumigator.jobs.config.InferenceServer.DEFAULT_CONCURRENCY;
  }

  /** The request body for one example. */
  String requestBody(String example) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      messages.addObject().put("role", "system").put("content", systemPrompt);
    }
    messages.addObject().put("role", "user").put("content", example == null ? "" : example);
    if (generation.maxNewTokens() != null) {
      body.put("max_tokens", generation.maxNewTokens());
    }
    body.put("temperature", generation.temperature());
    body.put("top_p", generation.topP());
    body.put("frequency_penalty", generation.frequencyPenalty());
    return body.toString();
  }

  @Override
  public Completion complete(String example) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(requestBody(example)));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest request = rb.build();
    int attempts = retry.maxRetries() + 1;
    String lastProblem = "no attempt made";
    long start = 0;
    for (int attempt = 0; attempt < attempts; attempt++) {
      holdOff();
      if (attempt == 0) start = System.nanoTime();
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = resp.statusCode();
        if (status / 100 == 2) {
          try {
            return parse(resp.body()).withLatency(System.nanoTime() - start);
          } catch (InvalidResponseException e) {
            lastProblem = e.getMessage();
          }
        } else {
          lastProblem = "HTTP " + status + ": " + errorText(resp.body());
          if (!RetryPolicy.retryableStatus(status)) {
            throw new InferenceException(
                "request to " + endpoint + " failed with " + lastProblem + " (not retried)");
          }
          retryAfter =
              RetryAfter.parse(resp.headers().firstValue("Retry-After").orElse(null), clock)
                  .map(retry::capRetryAfter);
          if (status == 429 && retryAfter.isPresent()) {
            holdOffAll(retryAfter.get());
          }
        }
      } catch (HttpTimeoutException e) {
        lastProblem = "timed out after " + requestTimeout.toMillis() + " ms";
      } catch (IOException e) {
        lastProblem = "connection error: " + describe(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InferenceException("interrupted while calling " + endpoint, e);
      }
      if (attempt + 1 < attempts) {
        Duration wait = retryAfter.isPresent() ? retryAfter.get() : retry.backoff(attempt);
        JobLog.warn(
            "attempt "
                + (attempt + 1)
                + "/"
                + attempts
                + " to "
                + endpoint
                + " failed ("
                + lastProblem
                + "); retrying in "
                + wait.toMillis()
                + " ms");
        sleep(wait);
      }
    }
    throw new InferenceException(
        "request to " + endpoint + " failed after " + attempts + " attempt(s): " + lastProblem);
  }

  private void holdOffAll(Duration d) {
    long until = clock.millis() + d.toMillis();
    holdOffUntilMillis.accumulateAndGet(until, Math::max);
  }

  private void holdOff() {
    long wait = holdOffUntilMillis.get() - clock.millis();
    if (wait > 0) {
      sleep(Duration.ofMillis(wait));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InferenceException("interrupted while waiting to retry", e);
    }
  }

  private static final class InvalidResponseException extends Exception {
    InvalidResponseException(String message) {
      super(message);
    }
  }

  static Completion parseForTest(String body) {
    try {
      return parse(body);
    } catch (InvalidResponseException e) {
      throw new InferenceException(e.getMessage());
    }
  }

  private static Completion parse(String body) throws InvalidResponseException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException("response is not JSON: " + truncate(body));
    }
    JsonNode choices = root == null ? null : root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new InvalidResponseException("response has no choices: " + truncate(body));
    }
    JsonNode message = choices.get(0).get("message");
    JsonNode content = message == null ? null : message.get("content");
    String text = content == null || content.isNull() ? "" : content.asText();
    return new Completion(stripThinking(text), usage(root.get("usage")));
  }

  private static TokenUsage usage(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    JsonNode p = u.get("prompt_tokens");
    JsonNode c = u.get("completion_tokens");
    if (p == null || c == null || !p.isNumber() || !c.isNumber()) {
      return null;
    }
    JsonNode t = u.get("total_tokens");
    long total = t != null && t.isNumber() ? t.asLong() : p.asLong() + c.asLong();
    return new TokenUsage(p.asLong(), c.asLong(), total);
  }

  /**
   * Removes a leading {@code <think>...</think>} block (reasoning models served by vLLM/Ollama).
   */
  static String stripThinking(String text) {
    String t = text.stripLeading();
    if (t.startsWith("<think>")) {
      int end = t.indexOf("</think>");
      if (end >= 0) {
        return t.substring(end + "</think>".length()).strip();
      }
    }
    return text.strip();
  }

  private static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode err = root == null ? null : root.get("error");
      if (err != null) {
        JsonNode msg = err.isObject() ? err.get("message") : err;
        if (msg != null && !msg.isNull()) {
          return truncate(msg.asText());
        }
      }
      JsonNode detail = root == null ? null : root.get("detail");
      if (detail != null) {
        return truncate(detail.isTextual() ? detail.asText() : detail.toString());
      }
    } catch (JsonProcessingException notJson) {
      // plain text body
    }
    return truncate(body);
  }

  private static String truncate(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return JobLog.redact(
        one.length() > MAX_ERROR_BODY ? one.substring(0, MAX_ERROR_BODY) + "..." : one);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " " + truncate(m));
  }
}
