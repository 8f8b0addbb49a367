package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.experiments.ExperimentRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples page and the leaderboard's statistics parameters over HTTP (no workflow yet). */
class ExperimentSamplesHttpTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static String experiment = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    api.context()
        .getBean(Jdbi.class)
        .onDemand(ExperimentDao.class)
        .insert(
            new ExperimentRow(experiment, "e", "", "d", -1, "{\"task\":\"summarization\"}", 1, 1));
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void anExperimentWithoutSucceededWorkflowsHasNoSamples() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/experiments/" + experiment + "/samples");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json(r);
    assertThat(page.path("experiment_id").asText()).isEqualTo(experiment);
    assertThat(page.path("total").asInt()).isZero();
    assertThat(page.path("items").isArray()).isTrue();
    assertThat(page.path("keys").isArray()).isTrue();
    assertThat(api.get("/api/v1/experiments/" + experiment + "/samples/").statusCode())
        .isEqualTo(200);
  }

  @Test
  void badPagingAnUnknownKeyAndAnUnknownExperimentAreRefused() throws Exception {
    String base = "/api/v1/experiments/" + experiment + "/samples";
    assertThat(api.get(base + "?skip=-1").statusCode()).isEqualTo(422);
    HttpResponse<String> unknown = api.get(base + "?sort=accuracy");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown).path("detail").asText())
        .isEqualTo("Unknown sort key 'accuracy'. Sort by one of: index");
    HttpResponse<String> missing = api.get("/api/v1/experiments/" + UUID.randomUUID() + "/samples");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void theLeaderboardSaysWhichResamplesAndSeedItUsedAndBoundsThem() throws Exception {
    String base = "/api/v1/experiments/" + experiment + "/leaderboard";
    JsonNode board = json(api.get(base + "?resamples=2000&seed=7"));
    assertThat(board.at("/statistics/resamples").asInt()).isEqualTo(2000);
    assertThat(board.at("/statistics/seed").asLong()).isEqualTo(7);
    assertThat(board.path("comparisons").isArray()).isTrue();
    HttpResponse<String> few = api.get(base + "?resamples=99");
    assertThat(few.statusCode()).isEqualTo(422);
    assertThat(json(few).at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"resamples\"]");
    assertThat(json(few).at("/detail/0/msg").asText())
        .isEqualTo("Input should be greater than or equal to 100");
    assertThat(api.get(base + "?resamples=100001").statusCode()).isEqualTo(422);
    assertThat(api.get(base + "?format=csv").body())
        .startsWith(
            "rank,workflow_id,name,model,provider,inference_time,evaluation_time,"
                + "rouge_rouge1_mean_ci_low,rouge_rouge1_mean_ci_high,tied_with");
  }
}
