package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /experiments/all}: the listing where the published SDK 0.1.4a0 asks for it. */
class ExperimentsListingAliasTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    String dataset = UUID.randomUUID().toString();
    api.context()
        .getBean(Jdbi.class)
        .onDemand(DatasetDao.class)
        .insertIfAbsent(
            new DatasetRow(
                dataset,
                "d.csv",
                "job",
                10,
                1,
                "[\"examples\"]",
                "00",
                false,
                null,
                false,
                null,
                "datasets/" + dataset + "/d.csv",
                1));
    for (String name : new String[] {"first", "second"}) {
      HttpResponse<String> created =
          api.send(
              api.request("/api/v1/experiments/")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\": \"" + name + "\", \"dataset\": \"" + dataset + "\"}"))
                  .build());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = api.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void servesTheListingWithItsParameters() throws Exception {
    JsonNode listing = get("/api/v1/experiments/");
    assertThat(listing.path("total").asInt()).isEqualTo(2);
    assertThat(get("/api/v1/experiments/all")).isEqualTo(listing);
    assertThat(get("/api/v1/experiments/all/")).isEqualTo(listing);
    JsonNode page = get("/api/v1/experiments/all?skip=1&limit=1");
    assertThat(page.path("total").asInt()).isEqualTo(2);
    assertThat(page.path("items")).containsExactly(listing.path("items").get(1));
    assertThat(api.get("/api/v1/experiments/all?limit=-1").statusCode()).isEqualTo(422);
  }

  @Test
  void isNotInTheApiDocument() throws Exception {
    JsonNode paths = get("/v3/api-docs").path("paths");
    assertThat(paths.has("/api/v1/experiments/")).isTrue();
    assertThat(paths.has("/api/v1/experiments/all")).isFalse();
    assertThat(paths.has("/api/v1/experiments/all/")).isFalse();
  }
}
