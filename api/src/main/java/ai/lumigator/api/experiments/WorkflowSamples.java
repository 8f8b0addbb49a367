package ai.lumigator.api.experiments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The per-sample data of one workflow's compiled.json, read in one streaming pass.
 *
 * @param scores per-sample key ({@code <metric>_<key>}, e.g. {@code rouge_rouge1}) → its values, a
 *     missing or non-numeric entry NaN; only {@code metrics.<metric>.<key>} arrays of numbers
 * @param meanKeys flat mean key ({@code rouge_rouge1_mean}) → per-sample key, only where the stored
 *     mean is the arithmetic mean of that array (so a bootstrap of the mean is meaningful)
 * @param texts the {@code artifacts} texts per sample, null when absent
 */
record WorkflowSamples(
    String workflowId,
    Map<String, double[]> scores,
    Map<String, String> meanKeys,
    Texts texts,
    Derived derived) {

  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  /** Relative tolerance between a stored mean and the mean of its array (np.mean vs summing). */
  static final double MEAN_TOLERANCE = 1e-9;

  /** {@code artifacts.predictions}, {@code ground_truth}, {@code examples}: empty when absent. */
  record Texts(List<String> predictions, List<String> groundTruth, List<String> examples) {
    static final Texts NONE = new Texts(List.of(), List.of(), List.of());

    long chars() {
      long n = 0;
      for (List<String> l : List.of(predictions, groundTruth, examples)) {
        for (String s : l) n += 40 + (s == null ? 0 : s.length());
      }
      return n;
    }
  }

  /**
   * Results computed from the immutable samples (intervals, permutation sums), kept with them so a
   * warm leaderboard does not resample again; a few at most per workflow.
   */
  static final class Derived {
    private static final int MAX = 16;
    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
      Object v = values.get(key);
      if (v != null) return (T) v;
      T computed = compute.get();
      if (values.size() >= MAX) values.clear();
      values.put(key, computed);
      return computed;
    }
  }

  /** Samples of this workflow: its predictions, else its longest per-sample array. */
  int size() {
    int n = texts.predictions().size();
    for (double[] v : scores.values()) n = Math.max(n, v.length);
    return n;
  }

  /** The same scores without the texts (what the cache keeps when texts do not fit). */
  WorkflowSamples withoutTexts() {
    return new WorkflowSamples(workflowId, scores, meanKeys, Texts.NONE, derived);
  }

  /** Estimated heap bytes of the scores. */
  long scoreBytes() {
    long n = 0;
    for (double[] v : scores.values()) n += 16 + 8L * v.length;
    return n;
  }

  /**
   * Reads a compiled.json (or a results.json): {@code metrics.<metric>.<key>} numeric arrays with
   * their {@code <key>_mean}, and {@code artifacts.predictions / ground_truth / examples}; every
   * other value is skipped without being held.
   *
   * @throws IOException when the stream fails or is not a JSON object
   */
  static WorkflowSamples read(String workflowId, InputStream in) throws IOException {
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, List<String>> texts = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT && section.equals("metrics")) {
          readMetrics(p, scores, means);
        } else if (value == JsonToken.START_OBJECT && section.equals("artifacts")) {
          readArtifacts(p, texts);
        } else {
          p.skipChildren();
        }
      }
    }
    Map<String, String> meanKeys = new LinkedHashMap<>();
    means.forEach(
        (sampleKey, stored) -> {
          double[] v = scores.get(sampleKey);
          if (v != null && isArithmeticMean(v, stored))
            meanKeys.put(sampleKey + "_mean", sampleKey);
        });
    return new WorkflowSamples(
        workflowId,
        scores,
        meanKeys,
        new Texts(
            texts.getOrDefault("predictions", List.of()),
            texts.getOrDefault("ground_truth", List.of()),
            texts.getOrDefault("examples", List.of())),
        new Derived());
  }

  static boolean isArithmeticMean(double[] values, double stored) {
    if (values.length == 0 || !Double.isFinite(stored)) return false;
    double sum = 0;
    for (double x : values) {
      if (!Double.isFinite(x)) return false;
      sum += x;
    }
    return Math.abs(sum / values.length - stored) <= MEAN_TOLERANCE * Math.max(1, Math.abs(stored));
  }

  /** At {@code metrics}' START_OBJECT: each metric object's arrays and {@code *_mean} numbers. */
  private static void readMetrics(
      JsonParser p, Map<String, double[]> scores, Map<String, Double> means) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String metric = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren(); // a top-level number such as avg_total_tokens
        continue;
      }
      Map<String, Double> metricMeans = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          double[] values = numbers(p);
          if (values != null) scores.put(metric + "_" + key, values);
        } else if (t.isNumeric() && key.endsWith("_mean")) {
          metricMeans.put(key.substring(0, key.length() - "_mean".length()), p.getDoubleValue());
        } else {
          p.skipChildren();
        }
      }
      metricMeans.forEach((key, mean) -> means.put(metric + "_" + key, mean));
    }
  }

  /** At START_ARRAY: the numbers (null → NaN), or null when an element is not a number. */
  private static double[] numbers(JsonParser p) throws IOException {
    double[] values = new double[256];
    int n = 0;
    boolean numeric = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
        p.skipChildren();
        numeric = false;
        continue;
      }
      if (!numeric) continue;
      if (t.isNumeric() || t == JsonToken.VALUE_NULL) {
        if (n == values.length) values = Arrays.copyOf(values, 2 * n);
        values[n++] = t == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
      } else {
        numeric = false;
      }
    }
    return numeric ? Arrays.copyOf(values, n) : null;
  }

  private static void readArtifacts(JsonParser p, Map<String, List<String>> texts)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      boolean wanted =
          key.equals("predictions") || key.equals("ground_truth") || key.equals("examples");
      if (!wanted || t != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      List<String> values = new ArrayList<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
          p.skipChildren();
          values.add(null);
        } else {
          values.add(t == JsonToken.VALUE_NULL ? null : p.getValueAsString());
        }
      }
      texts.put(key, values);
    }
  }
}
