package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.dataset.CsvReader;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.DataSources;
import ai.lumigator.persistence.DatabaseProperties;
import ai.lumigator.persistence.Jdbis;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest activities against the real S3Proxy and a fresh SQLite database. */
@Tag("stack")
class DatasetIngestActivitiesStackTest {
  @TempDir static Path dir;
  static HikariDataSource dataSource;
  static S3Storage storage;
  static DatasetDao datasets;
  static DatasetIngestActivitiesImpl activities;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    dataSource = DataSources.create(DatabaseProperties.of("jdbc:sqlite:" + dir.resolve("t.db")));
    DatabaseMigrator.migrate(dataSource);
    datasets = Jdbis.create(dataSource).onDemand(DatasetDao.class);
    storage = new S3Storage(ObjectUploadStackTest.PROPS);
    storage.ensureBucket();
    activities = new DatasetIngestActivitiesImpl(storage, datasets);
  }

  @AfterAll
  static void stop() {
    if (storage != null) storage.close();
    if (dataSource != null) dataSource.close();
  }

  static DatasetIngestRequest stage(byte[] content, String filename) {
    String id = UUID.randomUUID().toString();
    storage.putBytes(DatasetKeys.staging(id), content, "text/csv");
    return new DatasetIngestRequest(
        id, DatasetKeys.staging(id), filename, content.length, null, null, true);
  }

  @Test
  void aSampleFileBecomesCanonicalCsvMetadataAndARow() throws Exception {
    byte[] upload =
        ("\uFEFFexamples , ground_truth\n\"line one\nline two\",\"a \"\"b\"\"\"\r\n" + "short\n")
            .getBytes(StandardCharsets.UTF_8);
    DatasetIngestRequest request = stage(upload, "my data.csv");
    String id = request.datasetId();

    CanonicalDataset dataset = activities.canonicalise(request);
    activities.record(new DatasetRecord(request, dataset));
    activities.deleteStaging(request);

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload));
    assertThat(dataset)
        .isEqualTo(
            new CanonicalDataset(
                id, List.of("examples", "ground_truth"), 2, false, sha, upload.length));
    assertThat(storage.getString("datasets/" + id + "/my data.csv/dataset.csv"))
        .isEqualTo("examples,ground_truth\r\n\"line one\nline two\",\"a \"\"b\"\"\"\r\nshort,\r\n");
    JsonNode metadata =
        json.readTree(storage.getString("datasets/" + id + "/my data.csv/metadata.json"));
    assertThat(metadata.get("columns").toString()).isEqualTo("[\"examples\",\"ground_truth\"]");
    assertThat(metadata.get("rows").asLong()).isEqualTo(2);
    assertThat(metadata.get("sha256").asText()).isEqualTo(sha);
    assertThat(metadata.get("ground_truth").asBoolean()).isFalse();
    assertThat(metadata.get("size").asLong()).isEqualTo(upload.length);
    assertThat(storage.exists(DatasetKeys.staging(id))).isFalse();
    ArrowTableWriterTest.Table table =
        ArrowTableWriterTest.read(
            storage.getBytes("datasets/" + id + "/my data.csv/" + HfDatasetFiles.ARROW_FILE));
    assertThat(table.rows())
        .containsExactly(
            List.of("line one\nline two", "a \"b\""), java.util.Arrays.asList("short", null));
    JsonNode info =
        json.readTree(storage.getString("datasets/" + id + "/my data.csv/dataset_info.json"));
    assertThat(info.at("/splits/train/num_examples").asLong()).isEqualTo(2);
    assertThat(info.get("download_size").asLong()).isEqualTo(upload.length);
    JsonNode state = json.readTree(storage.getString("datasets/" + id + "/my data.csv/state.json"));
    assertThat(state.get("_fingerprint").asText()).isEqualTo(sha.substring(0, 16));

    DatasetRow row = datasets.findById(id).orElseThrow();
    assertThat(row.filename()).isEqualTo("my data.csv");
    assertThat(row.format()).isEqualTo("job");
    assertThat(row.sizeBytes()).isEqualTo(upload.length);
    assertThat(row.rowCount()).isEqualTo(2);
    assertThat(row.sha256()).isEqualTo(sha);
    assertThat(row.groundTruth()).isFalse();
    assertThat(row.generated()).isFalse();
    assertThat(row.runId()).isNull();
    assertThat(row.storagePrefix()).isEqualTo("datasets/" + id + "/my data.csv");

    // idempotent: a retried canonicalise and record change nothing
    storage.putBytes(DatasetKeys.staging(id), upload, "text/csv");
    assertThat(activities.canonicalise(request)).isEqualTo(dataset);
    activities.record(new DatasetRecord(request, dataset));
    assertThat(datasets.findById(id).orElseThrow()).isEqualTo(row);
    activities.discard(request);
  }

  @Test
  void theLargestSampleRoundTripsRowForRow() throws Exception {
    byte[] upload = Files.readAllBytes(SampleData.dir().resolve("dialogsum_500.csv"));
    DatasetIngestRequest request = stage(upload, "dialogsum_500.csv");

    CanonicalDataset dataset = activities.canonicalise(request);

    assertThat(dataset.rows()).isEqualTo(500);
    assertThat(dataset.groundTruth()).isTrue();
    assertThat(records(storage.getBytes(DatasetKeys.csv(request.datasetId(), request.filename()))))
        .isEqualTo(records(upload));
    ArrowTableWriterTest.Table table =
        ArrowTableWriterTest.read(
            storage.getBytes(
                DatasetKeys.folder(request.datasetId(), request.filename())
                    + "/"
                    + HfDatasetFiles.ARROW_FILE));
    List<List<String>> csvRecords = records(upload);
    assertThat(table.fields()).extracting(f -> f.getName()).isEqualTo(csvRecords.get(0));
    assertThat(table.rows())
        .isEqualTo(
            csvRecords.subList(1, csvRecords.size()).stream()
                .map(r -> r.stream().map(c -> c.isEmpty() ? null : c).toList())
                .toList());
    activities.discard(request);
  }

  @Test
  void invalidContentFailsNonRetryablyAndWritesNothing() {
    DatasetIngestRequest request =
        stage("ground_truth\nx\n".getBytes(StandardCharsets.UTF_8), "bad.csv");

    assertThatThrownBy(() -> activities.canonicalise(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(InvalidDatasetException.FAILURE_TYPE);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .isEqualTo("Dataset is missing required fields: examples");
            });
    assertThat(storage.list(DatasetKeys.root(request.datasetId()))).isEmpty();

    activities.discard(request);
    assertThat(storage.exists(request.stagingKey())).isFalse();
  }

  @Test
  void contentFoundInvalidAfterSeveralMegabytesLeavesNoPartialCsv() {
    StringBuilder csv = new StringBuilder("examples\n");
    while (csv.length() < 12 * 1024 * 1024) {
      csv.append("a perfectly fine row of text, quoted,\n".replace(",", ""));
    }
    csv.append("\"never closed\n");
    DatasetIngestRequest request =
        stage(csv.toString().getBytes(StandardCharsets.UTF_8), "late.csv");

    assertThatThrownBy(() -> activities.canonicalise(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f ->
                assertThat(f.getOriginalMessage())
                    .startsWith("Dataset is invalid: not a CSV file (unexpected end of input"));
    assertThat(storage.list(DatasetKeys.root(request.datasetId()))).isEmpty();
    activities.discard(request);
  }

  @Test
  void discardRemovesObjectsStagingAndRowAndToleratesMissingOnes() {
    DatasetIngestRequest request = stage("examples\nx\n".getBytes(StandardCharsets.UTF_8), "d.csv");
    CanonicalDataset dataset = activities.canonicalise(request);
    activities.record(new DatasetRecord(request, dataset));
    assertThat(storage.list(DatasetKeys.root(request.datasetId())))
        .extracting(ObjectInfo::key)
        .hasSize(5);

    activities.discard(request);
    activities.discard(request); // nothing left: still fine

    assertThat(storage.list(DatasetKeys.root(request.datasetId()))).isEmpty();
    assertThat(storage.exists(request.stagingKey())).isFalse();
    assertThat(datasets.findById(request.datasetId())).isEmpty();
  }

  @Test
  void aMissingStagedObjectFailsNonRetryably() {
    String id = UUID.randomUUID().toString();
    DatasetIngestRequest request =
        new DatasetIngestRequest(id, DatasetKeys.staging(id), "x.csv", 1, null, null, true);
    assertThatThrownBy(() -> activities.canonicalise(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(DatasetIngestActivitiesImpl.STAGING_MISSING);
              assertThat(f.isNonRetryable()).isTrue();
            });
  }

  @Test
  void aGeneratedDatasetKeepsItsProvenance() {
    String id = UUID.randomUUID().toString();
    String staging = "tests/generated-" + id + ".csv";
    byte[] content = "examples,ground_truth,predictions\nx,y,z\n".getBytes(StandardCharsets.UTF_8);
    storage.putBytes(staging, content, "text/csv");
    DatasetIngestRequest request =
        new DatasetIngestRequest(
            id, staging, "d-gpt-4o-predictions.csv", content.length, "job-1", "gpt-4o", false);

    activities.record(new DatasetRecord(request, activities.canonicalise(request)));
    activities.deleteStaging(request);

    DatasetRow row = datasets.findById(id).orElseThrow();
    assertThat(row.generated()).isTrue();
    assertThat(row.runId()).isEqualTo("job-1");
    assertThat(row.generatedBy()).isEqualTo("gpt-4o");
    assertThat(storage.exists(staging)).as("not ours to delete").isTrue();
    activities.discard(request);
    assertThat(storage.exists(staging)).isTrue();
    storage.deleteKey(staging);
  }

  @Test
  void aJobsDatasetIsBuiltStraightFromItsResults() throws IOException {
    String id = UUID.randomUUID().toString();
    String results = "tests/results-" + id + ".json";
    storage.putString(
        results,
        """
        {"artifacts": {"examples": ["a, b", "c"], "ground_truth": ["x", "y"],
                       "predictions": ["p \\"1\\"", "p2"]}}
        """);
    DatasetIngestRequest request =
        DatasetIngestRequest.fromJobResults(
            id, results, "predictions", "d-lead-3-predictions.csv", "job-1", "lead-3");

    CanonicalDataset dataset = activities.canonicalise(request);
    activities.record(new DatasetRecord(request, dataset));

    assertThat(dataset.columns()).containsExactly("examples", "ground_truth", "predictions");
    assertThat(dataset.rows()).isEqualTo(2);
    assertThat(dataset.groundTruth()).isTrue();
    assertThat(storage.getString(DatasetKeys.csv(id, "d-lead-3-predictions.csv")))
        .isEqualTo("examples,ground_truth,predictions\r\n\"a, b\",x,\"p \"\"1\"\"\"\r\nc,y,p2\r\n");
    assertThat(
            ArrowTableWriterTest.read(
                    storage.getBytes(
                        DatasetKeys.folder(id, "d-lead-3-predictions.csv")
                            + "/"
                            + HfDatasetFiles.ARROW_FILE))
                .rows())
        .containsExactly(List.of("a, b", "x", "p \"1\""), List.of("c", "y", "p2"));
    DatasetRow row = datasets.findById(id).orElseThrow();
    assertThat(row.sizeBytes()).isEqualTo(dataset.sizeBytes()).isPositive();
    assertThat(row.runId()).isEqualTo("job-1");
    assertThat(row.generatedBy()).isEqualTo("lead-3");
    assertThat(storage.exists(results)).as("the job's results are not the ingest's").isTrue();
    activities.discard(request);
    assertThat(storage.exists(results)).isTrue();
    storage.deleteKey(results);

    DatasetIngestRequest missing =
        DatasetIngestRequest.fromJobResults(
            UUID.randomUUID().toString(), results, "predictions", "d.csv", "job-2", "lead-3");
    assertThatThrownBy(() -> activities.canonicalise(missing))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("NoResults");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("job-2");
            });
  }

  static List<List<String>> records(byte[] csv) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = CsvReader.utf8(new ByteArrayInputStream(csv))) {
      Optional<List<String>> rec;
      while ((rec = r.next()).isPresent()) {
        out.add(rec.get());
      }
    }
    return out;
  }
}
