import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running API: UPLOADS dataset uploads at once, then GETS reads at once (a mix of the
 * listings, one dataset, health, models), each sent together on HTTP/1.1 connections of their own.
 * Prints BENCH lines: errors (non-2xx or transport failures) by kind, p50/p99/max latency per
 * phase, and whether the dataset count grew by exactly the uploads accepted. Removes the datasets
 * it uploaded. Run as {@code java Load.java <api base URL> <csv> <uploads> <gets>}.
 */
public class Load {
  record Result(String what, int status, long nanos, String body) {}

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  public static void main(String[] args) throws Exception {
    String api = args[0];
    byte[] csv = Files.readAllBytes(Path.of(args[1]));
    int uploads = Integer.parseInt(args[2]);
    int gets = Integer.parseInt(args[3]);

    long before = total(api);
    List<Result> up = run(uploads, i -> upload(api, csv, "load-" + i + ".csv"));
    List<String> ids = new ArrayList<>();
    Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    for (Result r : up) {
      Matcher m = id.matcher(r.body());
      if (r.status() == 201 && m.find()) ids.add(m.group(1));
    }
    long after = total(api);
    report("uploads", up);
    System.out.printf(
        "BENCH uploads: %d accepted, dataset count %d -> %d (%s)%n",
        ids.size(),
        before,
        after,
        after - before == ids.size() ? "grew by exactly the accepted uploads" : "MISMATCH");

    String one = ids.isEmpty() ? "00000000-0000-0000-0000-000000000000" : ids.get(0);
    String[] paths = {
      "/api/v1/datasets/", "/api/v1/datasets/" + one, "/api/v1/jobs/",
      "/api/v1/experiments/", "/api/v1/health/", "/api/v1/models/"
    };
    report("gets", run(gets, i -> get(api, paths[i % paths.length])));

    List<Result> removed = run(ids.size(), i -> delete(api, ids.get(i)));
    long left = total(api);
    System.out.printf(
        "BENCH cleanup: %d of %d uploaded datasets deleted, count back to %d (was %d)%n",
        removed.stream().filter(r -> r.status() == 204).count(), ids.size(), left, before);
  }

  interface Call {
    Result call(int i) throws Exception;
  }

  static List<Result> run(int n, Call call) {
    ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      all.add(
          CompletableFuture.runAsync(
              () -> {
                long t0 = System.nanoTime();
                try {
                  results.add(call.call(k));
                } catch (Exception e) {
                  results.add(
                      new Result("transport", -1, System.nanoTime() - t0, e.getClass().getName()));
                }
              },
              r -> new Thread(r).start()));
    }
    all.forEach(CompletableFuture::join);
    return new ArrayList<>(results);
  }

  static Result upload(String api, byte[] csv, String name) throws Exception {
    String boundary = "----lumigator-load-" + System.nanoTime();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\njob\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\";"
                + " filename=\"" + name + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + csv.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(csv, 0, body, head.length, csv.length);
    System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
    return send(
        "upload",
        HttpRequest.newBuilder(URI.create(api + "/api/v1/datasets/"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static Result get(String api, String path) throws Exception {
    return send(
        path.replaceAll("[0-9a-f-]{36}", "{id}"),
        HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofMinutes(2)).GET().build());
  }

  static Result delete(String api, String id) throws Exception {
    return send(
        "delete",
        HttpRequest.newBuilder(URI.create(api + "/api/v1/datasets/" + id))
            .timeout(Duration.ofMinutes(2))
            .DELETE()
            .build());
  }

  static Result send(String what, HttpRequest request) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Result(what, r.statusCode(), System.nanoTime() - t0, r.body());
  }

  static long total(String api) throws Exception {
    String body = get(api, "/api/v1/datasets/?limit=0").body();
    Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
    if (!m.find()) throw new IllegalStateException("no total in " + body);
    return Long.parseLong(m.group(1));
  }

  static void report(String phase, List<Result> results) {
    List<Long> ms = new ArrayList<>();
    Map<String, Integer> errors = new TreeMap<>();
    Map<String, String> samples = new TreeMap<>();
    for (Result r : results) {
      ms.add(r.nanos() / 1_000_000);
      if (r.status() < 200 || r.status() >= 300) {
        String kind = r.what() + " " + (r.status() < 0 ? r.body() : r.status());
        errors.merge(kind, 1, Integer::sum);
        samples.putIfAbsent(kind, r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
      }
    }
    samples.forEach((kind, body) -> System.out.printf("BENCH   e.g. %s: %s%n", kind, body));
    Collections.sort(ms);
    System.out.printf(
        "BENCH %s: %d requests at once, %d errors %s, latency p50 %d ms, p99 %d ms, max %d ms%n",
        phase,
        results.size(),
        errors.values().stream().mapToInt(Integer::intValue).sum(),
        errors.isEmpty() ? "" : errors,
        pct(ms, 50),
        pct(ms, 99),
        ms.isEmpty() ? 0 : ms.get(ms.size() - 1));
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return 0;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
