package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowRow;
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

/**
 * Usage, latency and estimated cost in workflow details and on the leaderboard over HTTP, from
 * succeeded workflow rows as a workflow records them (no stack): gpt-4o-mini is priced in the
 * shipped catalogue, the baseline reports no usage.
 */
class CostAndLatencyHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final String EXPERIMENT = UUID.randomUUID().toString();
  static final String GPT = UUID.randomUUID().toString();
  static final String LEAD3 = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    Jdbi jdbi = api.context().getBean(Jdbi.class);
    jdbi.onDemand(ExperimentDao.class)
        .insert(
            new ExperimentRow(EXPERIMENT, "e", "", "d", -1, "{\"task\":\"summarization\"}", 1, 1));
    WorkflowDao workflows = jdbi.onDemand(WorkflowDao.class);
    workflows.insert(
        row(
            GPT,
            "gpt-4o-mini",
            "openai",
            1,
            // 200 samples: 120,000 prompt and 30,000 completion tokens
            "{\"rouge_rouge1_mean\": 0.3, \"avg_prompt_tokens\": 600.0,"
                + " \"prompt_tokens\": 120000.0, \"completion_tokens\": 30000.0,"
                + " \"total_tokens\": 150000.0, \"latency_p50_ms\": 812.25,"
                + " \"latency_p95_ms\": 1930.5}"));
    workflows.insert(row(LEAD3, "lead-3", "baseline", 2, "{\"rouge_rouge1_mean\": 0.2}"));
  }

  static WorkflowRow row(String id, String model, String provider, long at, String metrics) {
    return new WorkflowRow(
        id,
        EXPERIMENT,
        model,
        "",
        model,
        provider,
        null,
        "p",
        null,
        "{}",
        "succeeded",
        null,
        metrics,
        "{\"model\": \"" + model + "\", \"inference_time\": 1.5, \"evaluation_time\": 0.5}",
        null,
        at,
        at);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = api.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void detailsShowTokensLatencyAndTheCostAtTheCataloguePrice() throws Exception {
    JsonNode usage = get("/api/v1/workflows/" + GPT).path("usage");
    // 120,000 × 0.15 + 30,000 × 0.60 = 18,000 + 18,000 USD per million = 0.036
    assertThat(usage)
        .isEqualTo(
            JSON.readTree(
                """
                {"prompt_tokens": 120000, "completion_tokens": 30000, "total_tokens": 150000,
                 "latency_p50_ms": 812.25, "latency_p95_ms": 1930.5, "estimated_cost_usd": 0.036,
                 "price": {"input_usd_per_1m_tokens": 0.15, "output_usd_per_1m_tokens": 0.6}}
                """));
    JsonNode baseline = get("/api/v1/workflows/" + LEAD3).path("usage");
    assertThat(baseline.isObject()).isTrue();
    assertThat(baseline.fieldNames())
        .toIterable()
        .allSatisfy(f -> assertThat(baseline.get(f).isNull()).as(f).isTrue());
    // the experiment lists its workflows in detail, usage included
    JsonNode experiment = get("/api/v1/experiments/" + EXPERIMENT);
    assertThat(experiment.toString()).contains("\"estimated_cost_usd\":0.036");
  }

  @Test
  void theLeaderboardCarriesAndSortsByCostAndLatency() throws Exception {
    String base = "/api/v1/experiments/" + EXPERIMENT + "/leaderboard";
    JsonNode byQuality = get(base);
    assertThat(byQuality.path("order").asText()).isEqualTo("desc");
    assertThat(byQuality.at("/items/0/workflow_id").asText()).isEqualTo(GPT);
    assertThat(byQuality.at("/items/0/estimated_cost_usd").asDouble()).isEqualTo(0.036);
    assertThat(byQuality.at("/items/1/estimated_cost_usd").isNull()).isTrue();
    assertThat(byQuality.at("/items/0/metrics/latency_p95_ms").asDouble()).isEqualTo(1930.5);
    assertThat(byQuality.path("columns").toString())
        .contains("\"prompt_tokens\"", "\"latency_p50_ms\"", "\"latency_p95_ms\"");

    JsonNode byCost = get(base + "?sort=estimated_cost_usd");
    assertThat(byCost.path("sort").asText()).isEqualTo("estimated_cost_usd");
    assertThat(byCost.path("order").asText()).isEqualTo("asc");
    // the baseline has no cost: it comes last either way
    assertThat(byCost.at("/items/0/workflow_id").asText()).isEqualTo(GPT);
    assertThat(get(base + "?sort=latency_p95_ms").path("order").asText()).isEqualTo("asc");
    assertThat(get(base + "?sort=latency_p95_ms&order=desc").path("order").asText())
        .isEqualTo("desc");

    String[] csv = api.get(base + "?format=csv&sort=estimated_cost_usd").body().split("\r\n");
    assertThat(csv[0])
        .startsWith("rank,workflow_id,name,model,provider,inference_time,evaluation_time,")
        .contains(",prompt_tokens,", ",latency_p50_ms,", ",latency_p95_ms")
        .endsWith(",tied_with,estimated_cost_usd");
    assertThat(csv[1]).startsWith("1," + GPT + ",").endsWith(",0.036");
    assertThat(csv[2]).startsWith("2," + LEAD3 + ",").endsWith(",");
  }
}
