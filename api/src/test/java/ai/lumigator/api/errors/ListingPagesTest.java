package ai.lumigator.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every listing takes skip and limit alike: 0 is an empty page, a negative value a 422. */
class ListingPagesTest {
  static final List<String> LISTINGS =
      List.of("/api/v1/datasets/", "/api/v1/jobs/", "/api/v1/experiments/");
  static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void limitZeroIsAnEmptyPageEverywhere() throws Exception {
    for (String listing : LISTINGS) {
      HttpResponse<String> r = api.get(listing + "?limit=0");
      assertThat(r.statusCode()).as(listing + ": " + r.body()).isEqualTo(200);
      JsonNode page = JSON.readTree(r.body());
      assertThat(page.path("items").isArray()).isTrue();
      assertThat(page.path("items").size()).isZero();
      assertThat(page.has("total")).isTrue();
    }
  }

  @Test
  void aNegativeSkipOrLimitIsTheSame422Everywhere() throws Exception {
    for (String listing : LISTINGS) {
      HttpResponse<String> r = api.get(listing + "?skip=-1&limit=-1");
      assertThat(r.statusCode()).as(listing).isEqualTo(422);
      assertThat(JSON.readTree(r.body()).path("detail"))
          .isEqualTo(
              JSON.readTree(
                  """
                  [{"loc": ["query", "skip"], "msg": "Input should be greater than or equal to 0", "type": "greater_than_equal"},
                   {"loc": ["query", "limit"], "msg": "Input should be greater than or equal to 0", "type": "greater_than_equal"}]
                  """));
    }
  }
}
