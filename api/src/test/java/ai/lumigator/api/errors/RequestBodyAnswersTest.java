package ai.lumigator.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer to each malformed or unrunnable job and workflow body of {@code
 * request-bodies/cases.txt} is the one recorded in {@code answers.jsonl}: status and the whole
 * body, item by item. The answers were recorded from the hand-written parsers the request records
 * replaced, so a change in what clients are told shows here; {@code -Drecord.answers=true} writes
 * the file anew from the running code (review its diff).
 */
class RequestBodyAnswersTest {
  private static final Path DIR = Path.of("src/test/resources/request-bodies");
  private static final String DATASET = "5f0a8a59-3e1c-4c3e-9d43-0d1f3a2b9c11";
  private static final String EXPERIMENT = "6e1b9b6a-4f2d-4d4f-8e54-1e2a4b3cad22";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static ApiOnly api;

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  record Case(String path, String body) {}

  static List<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int space = line.indexOf(' ');
      String body =
          line.substring(space + 1)
              .replace("\"D\"", "\"" + DATASET + "\"")
              .replace("\"E\"", "\"" + EXPERIMENT + "\"");
      cases.add(new Case(line.substring(0, space), body));
    }
    return cases;
  }

  static ObjectNode answer(Case c) throws Exception {
    HttpResponse<String> r =
        api.send(
            api.request(c.path())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                .build());
    ObjectNode answer = JSON.createObjectNode();
    answer.put("request", c.path() + " " + c.body());
    answer.put("status", r.statusCode());
    answer.set("body", JSON.readTree(r.body()));
    return answer;
  }

  @Test
  void eachBodyIsAnsweredAsRecorded() throws Exception {
    List<Case> cases = cases();
    Path recorded = DIR.resolve("answers.jsonl");
    if (Boolean.getBoolean("record.answers")) {
      StringBuilder out = new StringBuilder();
      for (Case c : cases) out.append(JSON.writeValueAsString(answer(c))).append('\n');
      Files.writeString(recorded, out.toString(), StandardCharsets.UTF_8);
    }
    List<String> lines = Files.readAllLines(recorded, StandardCharsets.UTF_8);
    assertThat(lines).as("one recorded answer per case").hasSize(cases.size());
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode expected = JSON.readTree(lines.get(i));
      JsonNode actual = answer(cases.get(i));
      if (!actual.equals(expected)) {
        differences.add("expected " + expected + "\n     got " + actual);
      }
    }
    assertThat(differences).as(String.join("\n", differences)).isEmpty();
  }
}
