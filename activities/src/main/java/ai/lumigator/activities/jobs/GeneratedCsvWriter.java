package ai.lumigator.activities.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV (RFC 4180, UTF-8) of a dataset a job generated, from its results.json artifacts: {@code
 * examples}, the source's {@code ground_truth} when it had one, and the job's outputs under the
 * job's output field. An annotation job writes its outputs as {@code ground_truth}.
 */
public final class GeneratedCsvWriter {
  private GeneratedCsvWriter() {}

  public record Csv(byte[] bytes, long rows) {}

  public static Csv write(JsonNode results, String outputField) {
    JsonNode artifacts = results.path("artifacts");
    JsonNode examples = artifacts.path("examples");
    JsonNode outputs = artifacts.path("predictions");
    JsonNode groundTruth = artifacts.path("ground_truth");
    if (!examples.isArray() || !outputs.isArray() || examples.size() != outputs.size()) {
      throw new IllegalArgumentException(
          "results.json lacks matching artifacts.examples and artifacts.predictions");
    }
    List<String> header = new ArrayList<>(List.of("examples"));
    boolean withGroundTruth =
        groundTruth.isArray()
            && groundTruth.size() == examples.size()
            && !"ground_truth".equals(outputField);
    if (withGroundTruth) header.add("ground_truth");
    header.add(outputField);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      row(out, header);
      for (int i = 0; i < examples.size(); i++) {
        List<String> cells = new ArrayList<>(3);
        cells.add(text(examples.get(i)));
        if (withGroundTruth) cells.add(text(groundTruth.get(i)));
        cells.add(text(outputs.get(i)));
        row(out, cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Csv(bytes.toByteArray(), examples.size());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "" : n.asText();
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.write(',');
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String s) {
    boolean needs =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
