package ai.lumigator.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local OpenAI-compatible chat-completions server for tests (the only stand-in allowed: it
 * replaces a paid provider). {@code POST /v1/chat/completions} answers a proper chat completion
 * whose content is {@code "pred: " + <user message>} (or what {@link #answer} computes) and whose
 * usage counts whitespace-separated words.
 *
 * <p>Knobs: a fixed or per-request latency; scripted responses consumed in arrival order (e.g. a
 * 500, or a 429 with {@code Retry-After}); a random error rate (500) with a fixed seed; permanent
 * failure for requests whose user message contains a marker. It records every request (body,
 * headers, arrival time) and the maximum number of requests in flight at once.
 */
public final class FakeChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted response. */
  public record Scripted(int status, String retryAfter, String body) {
    public static Scripted error(int status) {
      return new Scripted(status, null, "{\"error\":{\"message\":\"scripted " + status + "\"}}");
    }

    public static Scripted tooManyRequests(String retryAfter) {
      return new Scripted(429, retryAfter, "{\"error\":{\"message\":\"rate limited\"}}");
    }
  }

  /** What the server saw of one request. */
  public record Seen(long atNanos, JsonNode body, String authorization) {
    public String userContent() {
      for (JsonNode m : body.path("messages")) {
        if ("user".equals(m.path("role").asText())) {
          return m.path("content").asText();
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** Exchanges already uncounted (HttpExchange attributes are shared per context, not usable). */
  private final java.util.Set<HttpExchange> released =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Map<String, Scripted> permanent = new ConcurrentHashMap<>();
  private volatile Function<String, Duration> latency = s -> Duration.ZERO;
  private volatile Function<String, String> answer = s -> "pred: " + s;
  private volatile double errorRate;
  private volatile boolean usage = true;
  private final Random random = new Random(42);

  static {
    // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms
    // stalls per request on loopback, which would pass for provider latency in throughput
    // figures (1,000 requests at 100 ms, 16 in flight: 9.4 s instead of 6.6 s). Read once, when
    // the JDK creates its first HttpServer, so set it before that.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-chat-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  public static FakeChatServer start() {
    try {
      return new FakeChatServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public FakeChatServer latency(Duration d) {
    this.latency = s -> d;
    return this;
  }

  /** Latency computed from the user message. */
  public FakeChatServer latency(Function<String, Duration> f) {
    this.latency = f;
    return this;
  }

  public FakeChatServer answer(Function<String, String> f) {
    this.answer = f;
    return this;
  }

  /** Probability of a random 500 (seeded, so runs repeat). */
  public FakeChatServer errorRate(double rate) {
    this.errorRate = rate;
    return this;
  }

  public FakeChatServer withoutUsage() {
    this.usage = false;
    return this;
  }

  /** Queues responses for the next requests, in arrival order. */
  public FakeChatServer script(Scripted... responses) {
    synchronized (script) {
      Collections.addAll(script, responses);
    }
    return this;
  }

  /** Every request whose user message contains {@code marker} gets {@code response}. */
  public FakeChatServer alwaysFailWhenContains(String marker, Scripted response) {
    permanent.put(marker, response);
    return this;
  }

  public List<Seen> requests() {
    return List.copyOf(seen);
  }

  public int requestCount() {
    return seen.size();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, null, "{\"error\":{\"message\":\"method not allowed\"}}");
        return;
      }
      byte[] raw = ex.getRequestBody().readAllBytes();
      JsonNode body;
      try {
        body = JSON.readTree(raw);
      } catch (IOException e) {
        send(ex, 400, null, "{\"error\":{\"message\":\"invalid JSON\"}}");
        return;
      }
      Seen s = new Seen(System.nanoTime(), body, ex.getRequestHeaders().getFirst("Authorization"));
      seen.add(s);
      String user = s.userContent() == null ? "" : s.userContent();
      Duration d = latency.apply(user);
      if (!d.isZero()) {
        Thread.sleep(d.toMillis());
      }
      for (Map.Entry<String, Scripted> p : permanent.entrySet()) {
        if (user.contains(p.getKey())) {
          reply(ex, p.getValue());
          return;
        }
      }
      Scripted next;
      synchronized (script) {
        next = script.pollFirst();
      }
      if (next != null) {
        reply(ex, next);
        return;
      }
      boolean fail;
      synchronized (random) {
        fail = errorRate > 0 && random.nextDouble() < errorRate;
      }
      if (fail) {
        reply(ex, Scripted.error(500));
        return;
      }
      send(ex, 200, null, completion(body, answer.apply(user)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      release(ex);
      released.remove(ex);
    }
  }

  private void release(HttpExchange ex) {
    if (released.add(ex)) {
      inFlight.decrementAndGet();
    }
  }

  private String completion(JsonNode request, String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake-" + seen.size());
    root.put("object", "chat.completion");
    root.put("created", System.currentTimeMillis() / 1000);
    root.put("model", request.path("model").asText());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    if (usage) {
      long prompt = 0;
      for (JsonNode m : request.path("messages")) {
        prompt += words(m.path("content").asText());
      }
      long completion = words(content);
      root.putObject("usage")
          .put("prompt_tokens", prompt)
          .put("completion_tokens", completion)
          .put("total_tokens", prompt + completion);
    }
    return root.toString();
  }

  /** Whitespace-separated words: the fake's "tokens". */
  public static long words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private void reply(HttpExchange ex, Scripted r) throws IOException {
    send(ex, r.status(), r.retryAfter(), r.body());
  }

  private void send(HttpExchange ex, int status, String retryAfter, String body)
      throws IOException {
    // A request stops counting as in flight before its answer leaves: the client may read the
    // answer and send its next request before this thread runs again, and counting both would
    // report more requests in flight than the client ever had.
    release(ex);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      ex.getResponseHeaders().set("Retry-After", retryAfter);
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
