package ai.lumigator.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.datasets.DatasetScan;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dataset endpoints over HTTP against the real API and worker (real Temporal, S3Proxy, SQLite):
 * the contract of API.md, every refusal with its status and message, and that a refused upload
 * leaves no object and no row.
 */
@Tag("stack")
class DatasetApiStackTest {
  static final long LIMIT = 50_000_000;

  @TempDir static Path dataDir;
  static StackApi stack;
  static S3Storage storage;
  static DatasetDao dao;
  final ObjectMapper json = new ObjectMapper();

  static String namespace;
  static String bucket;

  @BeforeAll
  static void start() {
    // a namespace of its own: no other test run's worker can take these tasks
    namespace = TestNamespaces.fresh();
    // and a bucket of its own: "nothing left behind" is then exact, whatever else runs meanwhile
    bucket = "lumigator-test-" + UUID.randomUUID().toString().substring(0, 8);
    stack =
        StackApi.start(
            dataDir, "spring.temporal.namespace=" + namespace, "lumigator.s3.bucket=" + bucket);
    storage = stack.api().getBean(S3Storage.class);
    storage.ensureBucket();
    dao = stack.api().getBean(Jdbi.class).onDemand(DatasetDao.class);
  }

  @AfterAll
  static void stop() {
    try {
      if (storage != null) {
        storage.list("").forEach(o -> storage.deleteKey(o.key()));
        try (S3Client s3 = rawClient()) {
          s3.deleteBucket(b -> b.bucket(bucket));
        }
      }
    } finally {
      if (stack != null) stack.close();
      if (namespace != null) TestNamespaces.delete(namespace);
    }
  }

  static S3Client rawClient() {
    return S3Client.builder()
        .endpointOverride(URI.create(env("LUMIGATOR_S3_ENDPOINT", "http://127.0.0.1:9000")))
        .region(Region.of(env("LUMIGATOR_S3_REGION", "us-east-1")))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    env("LUMIGATOR_S3_ACCESS_KEY", "lumigator"),
                    env("LUMIGATOR_S3_SECRET_KEY", "lumigator-local-secret"))))
        .build();
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  // ---- helpers

  HttpResponse<String> post(MultipartBody body) {
    return post("/api/v1/datasets/", body);
  }

  HttpResponse<String> post(String path, MultipartBody body) {
    return stack.send(
        HttpRequest.newBuilder(stack.uri(path))
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build());
  }

  HttpResponse<String> delete(String path) {
    return stack.send(HttpRequest.newBuilder(stack.uri(path)).DELETE().build());
  }

  static MultipartBody upload(String filename, byte[] csv) {
    return MultipartBody.of().field("format", "job").file("dataset", filename, csv);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  String detail(HttpResponse<String> r) throws Exception {
    return body(r).get("detail").asText();
  }

  /** Every key in the test's bucket, and the number of rows. */
  record Footprint(Set<String> keys, long rows) {}

  static Footprint footprint() {
    Set<String> keys = new TreeSet<>();
    storage.list("").stream().map(ObjectInfo::key).forEach(keys::add);
    return new Footprint(keys, dao.count());
  }

  /** Sends a refused upload and checks the status, the message and that nothing is left. */
  HttpResponse<String> refused(MultipartBody body, int status, String detail) throws Exception {
    Footprint before = footprint();
    HttpResponse<String> r = post(body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    if (detail != null) {
      assertThat(detail(r)).isEqualTo(detail);
    }
    assertThat(footprint()).isEqualTo(before);
    return r;
  }

  /** Rows as the dataset reader sees them: header, then each row padded to the header. */
  static List<List<String>> rows(InputStream csv) {
    List<List<String>> out = new ArrayList<>();
    DatasetScan.scan(
        csv,
        new DatasetScan.RowSink() {
          @Override
          public void header(List<String> columns) {
            out.add(List.copyOf(columns));
          }

          @Override
          public void row(List<String> cells) {
            out.add(List.copyOf(cells));
          }
        });
    return out;
  }

  // ---- uploads that succeed

  /** Every sample file with the ground_truth flag its README states. */
  static Stream<Arguments> sampleFiles() {
    return Stream.of(
        Arguments.of("dialogsum_500.csv", true),
        Arguments.of("dialogsum_exc.csv", true),
        Arguments.of("dialogsum_mini_no_gt.csv", false),
        Arguments.of("dialogsum_mini_empty_gt.csv", false),
        Arguments.of("dialogsum_mini_all_gt_is_whitespace.csv", false),
        Arguments.of("dialogsum_mini_some_missing_some_whitespace_gt.csv", false),
        Arguments.of("mock_long_sequences_no_gt.csv", false),
        Arguments.of("predictions_gibberish.csv", true),
        Arguments.of("sample_translation_en_de.csv", true),
        Arguments.of("sample_translation_en_es.csv", true));
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void everySampleUploadsWithItsGroundTruthFlagAndRoundTrips(String file, boolean groundTruth)
      throws Exception {
    byte[] csv = Files.readAllBytes(SampleData.file(file));

    HttpResponse<String> r = post(upload(file, csv));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = body(r);
    String id = created.get("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(r.headers().firstValue("Location"))
        .contains(stack.uri("/api/v1/datasets/" + id).toString());
    assertThat(created.get("filename").asText()).isEqualTo(file);
    assertThat(created.get("format").asText()).isEqualTo("job");
    assertThat(created.get("size").asLong()).isEqualTo(csv.length);
    assertThat(created.get("ground_truth").asBoolean()).isEqualTo(groundTruth);
    assertThat(created.get("run_id").isNull()).isTrue();
    assertThat(created.get("generated").asBoolean()).isFalse();
    assertThat(created.get("generated_by").isNull()).isTrue();
    OffsetDateTime createdAt = OffsetDateTime.parse(created.get("created_at").asText());
    assertThat(createdAt).isBefore(OffsetDateTime.now().plusSeconds(1));
    assertThat(created.get("created_at").asText()).endsWith("+00:00");
    assertThat(fieldNames(created))
        .containsExactly(
            "id",
            "filename",
            "format",
            "size",
            "ground_truth",
            "run_id",
            "generated",
            "generated_by",
            "created_at");

    HttpResponse<String> got = stack.get("/api/v1/datasets/" + id);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(body(got)).isEqualTo(created);

    HttpResponse<String> download = stack.get("/api/v1/datasets/" + id + "/download?extension=csv");
    assertThat(download.statusCode()).isEqualTo(200);
    JsonNode urls = body(download).get("download_urls");
    assertThat(body(download).get("id").asText()).isEqualTo(id);
    assertThat(urls).hasSize(1);
    HttpResponse<byte[]> fetched =
        stack
            .http()
            .send(
                HttpRequest.newBuilder(URI.create(urls.get(0).asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(rows(new ByteArrayInputStream(fetched.body())))
        .isEqualTo(rows(new ByteArrayInputStream(csv)));
    assertThat(fetched.body()[0]).as("no BOM").isNotEqualTo((byte) 0xEF);

    assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);
  }

  @Test
  void theCollectionPathWorksWithoutTheTrailingSlash() throws Exception {
    HttpResponse<String> r = post("/api/v1/datasets", upload("plain.csv", utf8("examples\nx\n")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = body(r).get("id").asText();
    assertThat(stack.get("/api/v1/datasets").statusCode()).isEqualTo(200);
    assertThat(stack.get("/api/v1/datasets/").statusCode()).isEqualTo(200);
    assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);
  }

  @Test
  void theFormatFieldMayComeAfterTheFile() throws Exception {
    HttpResponse<String> r =
        post(
            MultipartBody.of()
                .file("dataset", "later.csv", utf8("examples\nx\n"))
                .field("format", "job")
                .field("ignored", "extra fields are ignored"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(delete("/api/v1/datasets/" + body(r).get("id").asText()).statusCode())
        .isEqualTo(204);
  }

  @Test
  void listingIsNewestFirstWithConsistentTotalAndPaging() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = post(upload("list-" + i + ".csv", utf8("examples\nrow " + i)));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids.add(body(r).get("id").asText());
    }

    JsonNode all = body(stack.get("/api/v1/datasets/"));
    assertThat(all.get("total").asLong()).isEqualTo(dao.count());
    assertThat(List.of(ids(all).get(0), ids(all).get(1), ids(all).get(2)))
        .containsExactly(ids.get(2), ids.get(1), ids.get(0));

    JsonNode page = body(stack.get("/api/v1/datasets/?skip=1&limit=1"));
    assertThat(page.get("total").asLong()).isEqualTo(dao.count());
    assertThat(ids(page)).containsExactly(ids.get(1));
    assertThat(ids(body(stack.get("/api/v1/datasets?skip=100000")))).isEmpty();

    for (String id : ids) {
      assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);
    }
  }

  @Test
  void listingTakesLimitZeroAndRejectsANegativeLimitOrSkip() throws Exception {
    // as every listing does (ListingPagesTest): 0 is an empty page with the total
    HttpResponse<String> zero = stack.get("/api/v1/datasets/?limit=0");
    assertThat(zero.statusCode()).isEqualTo(200);
    assertThat(body(zero).get("items").size()).isZero();
    assertThat(body(zero).get("total").isIntegralNumber()).isTrue();
    HttpResponse<String> r = stack.get("/api/v1/datasets/?limit=-1");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode error = body(r).get("detail").get(0);
    assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
    assertThat(error.get("msg").asText()).isEqualTo("Input should be greater than or equal to 0");
    HttpResponse<String> skip = stack.get("/api/v1/datasets/?skip=-1");
    assertThat(skip.statusCode()).isEqualTo(422);
    assertThat(body(skip).get("detail").get(0).get("loc").toString())
        .isEqualTo("[\"query\",\"skip\"]");
    HttpResponse<String> notANumber = stack.get("/api/v1/datasets/?limit=ten");
    assertThat(notANumber.statusCode()).isEqualTo(422);
    assertThat(body(notANumber).get("detail").isArray()).isTrue();
  }

  @Test
  void unknownAndMalformedIds() throws Exception {
    String unknown = UUID.randomUUID().toString();
    for (String path :
        List.of("/api/v1/datasets/" + unknown, "/api/v1/datasets/" + unknown + "/download")) {
      HttpResponse<String> r = stack.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(detail(r)).isEqualTo("Dataset with ID " + unknown + " not found");
    }
    HttpResponse<String> gone = delete("/api/v1/datasets/" + unknown);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(detail(gone)).isEqualTo("Dataset with ID " + unknown + " not found");

    for (HttpResponse<String> r :
        List.of(
            stack.get("/api/v1/datasets/not-a-uuid"),
            stack.get("/api/v1/datasets/not-a-uuid/download"),
            delete("/api/v1/datasets/not-a-uuid"))) {
      assertThat(r.statusCode()).isEqualTo(422);
      JsonNode error = body(r).get("detail").get(0);
      assertThat(error.get("loc").toString()).isEqualTo("[\"path\",\"id\"]");
      assertThat(error.get("type").asText()).isEqualTo("uuid_parsing");
    }
  }

  @Test
  void downloadFiltersByExtensionAndEveryUrlNamesTheFile() throws Exception {
    String filename = "données ✓ (v2).csv";
    HttpResponse<String> r = post(upload(filename, utf8("examples,ground_truth\na,b\n")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = body(r).get("id").asText();
    assertThat(body(r).get("filename").asText()).isEqualTo(filename);
    String base = "/api/v1/datasets/" + id + "/download";

    // the original's four files, in key order; metadata.json is ours, not a download
    List<String> files =
        List.of("data-00000-of-00001.arrow", "dataset.csv", "dataset_info.json", "state.json");
    List<String> all = urls(base);
    assertThat(all).hasSize(4);
    for (int i = 0; i < files.size(); i++) {
      String path = URLDecoder.decode(URI.create(all.get(i)).getRawPath(), StandardCharsets.UTF_8);
      assertThat(path).endsWith("/datasets/" + id + "/" + filename + "/" + files.get(i));
    }
    assertThat(urls(base + "?extension=")).hasSize(4);
    assertThat(urls(base + "?extension=%20%20")).hasSize(4);
    assertThat(urls(base + "?extension=csv")).singleElement().asString().contains("dataset.csv");
    assertThat(urls(base + "?extension=%20.CSV%20")).hasSize(1);
    assertThat(urls(base + "?extension=arrow")).singleElement().asString().contains(".arrow");
    assertThat(urls(base + "?extension=json")).hasSize(2);
    assertThat(urls(base + "?extension=metadata.json")).isEmpty();
    assertThat(urls(base + "?extension=parquet")).isEmpty();

    JsonNode info = fetchJson(urls(base + "?extension=dataset_info.json").get(0));
    assertThat(info.at("/splits/train/num_examples").asLong()).isEqualTo(1);
    assertThat(info.get("features").toString())
        .isEqualTo(
            "{\"examples\":{\"dtype\":\"string\",\"_type\":\"Value\"},"
                + "\"ground_truth\":{\"dtype\":\"string\",\"_type\":\"Value\"}}");
    JsonNode metadata =
        json.readTree(storage.getString("datasets/" + id + "/" + filename + "/metadata.json"));
    assertThat(metadata.get("rows").asLong()).isEqualTo(1);
    assertThat(metadata.get("ground_truth").asBoolean()).isTrue();
    assertThat(metadata.get("columns").toString()).isEqualTo("[\"examples\",\"ground_truth\"]");
    assertThat(metadata.get("sha256").asText()).hasSize(64);
    JsonNode state = fetchJson(urls(base + "?extension=state.json").get(0));
    assertThat(state.get("_fingerprint").asText())
        .isEqualTo(metadata.get("sha256").asText().substring(0, 16));
    assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);
  }

  /** Every object of a dataset, in key order: the save_to_disk files, the CSV and our metadata. */
  private static List<String> storedKeys(String id, String filename) {
    return Stream.of(
            "data-00000-of-00001.arrow",
            "dataset.csv",
            "dataset_info.json",
            "metadata.json",
            "state.json")
        .map(file -> "datasets/" + id + "/" + filename + "/" + file)
        .toList();
  }

  @Test
  void deleteRemovesRowAndObjectsAndToleratesMissingObjects() throws Exception {
    HttpResponse<String> r = post(upload("to-delete.csv", utf8("examples\nx\n")));
    String id = body(r).get("id").asText();
    assertThat(storage.list("datasets/" + id + "/"))
        .extracting(ObjectInfo::key)
        .containsExactlyElementsOf(storedKeys(id, "to-delete.csv"));

    assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);

    assertThat(storage.list("datasets/" + id + "/")).isEmpty();
    assertThat(dao.findById(id)).isEmpty();
    assertThat(stack.get("/api/v1/datasets/" + id).statusCode()).isEqualTo(404);
    assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(404);

    HttpResponse<String> other = post(upload("objects-gone.csv", utf8("examples\nx\n")));
    String otherId = body(other).get("id").asText();
    storage.deletePrefix("datasets/" + otherId + "/");
    assertThat(delete("/api/v1/datasets/" + otherId).statusCode()).isEqualTo(204);
    assertThat(dao.findById(otherId)).isEmpty();
  }

  @Test
  void aPathInTheFilenameIsRemoved() throws Exception {
    for (String name : List.of("../../etc/passwd", "..\\..\\windows\\passwd")) {
      HttpResponse<String> r = post(upload(name, utf8("examples\nx\n")));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      String id = body(r).get("id").asText();
      assertThat(body(r).get("filename").asText()).isEqualTo("passwd");
      assertThat(storage.list("datasets/" + id + "/"))
          .extracting(ObjectInfo::key)
          .containsExactlyElementsOf(storedKeys(id, "passwd"));
      assertThat(delete("/api/v1/datasets/" + id).statusCode()).isEqualTo(204);
    }
    assertThat(Files.exists(Path.of("/etc/passwd/dataset.csv"))).isFalse();
  }

  @Test
  void anUploadOfExactlyTheLimitIsAccepted() throws Exception {
    HttpResponse<String> r = post(generated(LIMIT));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(body(r).get("size").asLong()).isEqualTo(LIMIT);
    assertThat(delete("/api/v1/datasets/" + body(r).get("id").asText()).statusCode())
        .isEqualTo(204);
  }

  @Test
  void theOpenApiDocumentDescribesTheMultipartUpload() throws Exception {
    HttpResponse<String> r = stack.get("/v3/api-docs");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode post = body(r).at("/paths/~1api~1v1~1datasets~1/post");
    JsonNode form = post.at("/requestBody/content/multipart~1form-data/schema");
    assertThat(form.isMissingNode()).as(post.toString()).isFalse();
    String schema =
        form.has("$ref")
            ? body(r)
                .at("/components/schemas/" + form.get("$ref").asText().replaceAll(".*/", ""))
                .toString()
            : form.toString();
    assertThat(schema).contains("\"dataset\"").contains("\"binary\"").contains("\"format\"");
  }

  // ---- refusals: status, message, nothing left behind

  @Test
  void oneByteOverTheLimitIs413() throws Exception {
    refused(generated(LIMIT + 1), 413, "Dataset upload exceeds the 50.0MB limit");
  }

  @Test
  void anEmptyBodyIsAShapeError() throws Exception {
    for (HttpRequest request :
        List.of(
            HttpRequest.newBuilder(stack.uri("/api/v1/datasets/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpRequest.newBuilder(stack.uri("/api/v1/datasets/"))
                .header("Content-Type", MultipartBody.of().contentType())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build())) {
      Footprint before = footprint();
      HttpResponse<String> r = stack.send(request);
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(body(r).get("detail").toString())
          .isEqualTo(
              "[{\"loc\":[\"body\",\"dataset\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                  + "{\"loc\":[\"body\",\"format\"],\"msg\":\"Field required\",\"type\":\"missing\"}]");
      assertThat(footprint()).isEqualTo(before);
    }
  }

  @Test
  void aMissingDatasetPartIsAShapeError() throws Exception {
    HttpResponse<String> r = refused(MultipartBody.of().field("format", "job"), 422, null);
    assertThat(body(r).get("detail").toString())
        .isEqualTo(
            "[{\"loc\":[\"body\",\"dataset\"],\"msg\":\"Field required\",\"type\":\"missing\"}]");
  }

  @Test
  void aDatasetSentAsPlainFieldIsAShapeError() throws Exception {
    HttpResponse<String> r =
        refused(
            MultipartBody.of().field("format", "job").field("dataset", "examples\nx\n"), 422, null);
    assertThat(body(r).at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"dataset\"]");
  }

  @Test
  void aMissingFormatIsAShapeError() throws Exception {
    HttpResponse<String> r =
        refused(MultipartBody.of().file("dataset", "a.csv", utf8("examples\nx\n")), 422, null);
    assertThat(body(r).get("detail").toString())
        .isEqualTo(
            "[{\"loc\":[\"body\",\"format\"],\"msg\":\"Field required\",\"type\":\"missing\"}]");
  }

  @Test
  void aWrongFormatIsAShapeErrorBeforeOrAfterTheFile() throws Exception {
    String expected =
        "[{\"loc\":[\"body\",\"format\"],\"msg\":\"Input should be 'job'\",\"type\":\"enum\"}]";
    HttpResponse<String> first =
        refused(
            MultipartBody.of()
                .field("format", "csv")
                .file("dataset", "a.csv", utf8("examples\nx\n")),
            422,
            null);
    assertThat(body(first).get("detail").toString()).isEqualTo(expected);
    HttpResponse<String> after =
        refused(
            MultipartBody.of()
                .file("dataset", "a.csv", utf8("examples\nx\n"))
                .field("format", "JOB"),
            422,
            null);
    assertThat(body(after).get("detail").toString()).isEqualTo(expected);
  }

  /** Rejected: a dataset without rows gives every job nothing to do (README, API). */
  @Test
  void aHeaderWithoutRowsIsInvalid() throws Exception {
    refused(
        upload("header.csv", utf8("examples,ground_truth\r\n")),
        422,
        "Dataset is invalid: no rows");
  }

  @Test
  void aMissingExamplesColumnIsNamed() throws Exception {
    refused(
        upload("no-examples.csv", utf8("text,ground_truth\nx,y\n")),
        422,
        "Dataset is missing required fields: examples");
  }

  @Test
  void bytesThatAreNotUtf8AreNotACsvFile() throws Exception {
    HttpResponse<String> r =
        refused(
            upload(
                "latin1.csv",
                "examples\ncaf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1)),
            422,
            null);
    assertThat(detail(r)).startsWith("Dataset is invalid: not a CSV file (not UTF-8 text");
  }

  @Test
  void binaryGarbageIsNotACsvFile() throws Exception {
    byte[] garbage = new byte[256 * 1024];
    new Random(4).nextBytes(garbage);
    HttpResponse<String> r = refused(upload("garbage.csv", garbage), 422, null);
    assertThat(detail(r)).startsWith("Dataset is invalid: not a CSV file (");
    byte[] zeros = new byte[4096];
    HttpResponse<String> nul = refused(upload("zeros.csv", zeros), 422, null);
    assertThat(detail(nul)).startsWith("Dataset is invalid: not a CSV file (a NUL character");
  }

  @Test
  void anUnterminatedQuoteIsNotACsvFile() throws Exception {
    refused(
        upload("open-quote.csv", utf8("examples,ground_truth\n\"never closed,x\nmore\n")),
        422,
        "Dataset is invalid: not a CSV file (unexpected end of input inside a quoted field that"
            + " starts on line 2)");
  }

  @Test
  void aTenMegabyteLineWithoutNewlineIsRefusedWithinTheCellLimit() throws Exception {
    long size = 10L * 1024 * 1024;
    for (String head : List.of("", "examples\n")) {
      MultipartBody body =
          MultipartBody.of()
              .field("format", "job")
              .file("dataset", "one-line.csv", () -> new Generated(size, head, 0), size);
      String line = head.isEmpty() ? "1" : "2";
      refused(
          body,
          422,
          "Dataset is invalid: a cell is longer than 1048576 characters (line " + line + ")");
    }
  }

  @Test
  void duplicateColumnNamesAreInvalid() throws Exception {
    refused(
        upload("dup.csv", utf8("examples,ground_truth, examples\nx,y,z\n")),
        422,
        "Dataset is invalid: duplicate column 'examples' in the header");
  }

  @Test
  void aRowWiderThanTheHeaderIsInvalid() throws Exception {
    refused(
        upload("wide.csv", utf8("examples\nx\ny,z\n")),
        422,
        "Dataset is invalid: data row 2 has 2 cells but the header has 1 columns");
  }

  @Test
  void aFilenameWithNothingLeftIsInvalid() throws Exception {
    for (String name : List.of("", "../", "..")) {
      refused(
          upload(name, utf8("examples\nx\n")),
          422,
          "Dataset filename is empty: send the file with a name, e.g. dataset.csv");
    }
  }

  @Test
  void aTruncatedBodyIsABadRequest() throws Exception {
    MultipartBody body = upload("cut.csv", utf8("examples\n" + "row\n".repeat(1000)));
    byte[] cut = body.truncated(2000);
    Footprint before = footprint();
    HttpResponse<String> r =
        stack.send(
            HttpRequest.newBuilder(stack.uri("/api/v1/datasets/"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(cut))
                .build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r)).startsWith("Malformed multipart body: ");
    assertThat(footprint()).isEqualTo(before);
  }

  // ---- generated content

  /** A valid CSV of exactly {@code size} bytes: a header, then 999-character rows. */
  static MultipartBody generated(long size) {
    return MultipartBody.of()
        .field("format", "job")
        .file("dataset", "generated.csv", () -> new Generated(size, "examples\n", 1000), size);
  }

  /** {@code head}, then 'a's with a newline every {@code lineLength} bytes (0 = never). */
  static final class Generated extends InputStream {
    private final long size;
    private final byte[] head;
    private final int lineLength;
    private long pos;

    Generated(long size, String head, int lineLength) {
      this.size = size;
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.lineLength = lineLength;
    }

    @Override
    public int read() {
      if (pos >= size) return -1;
      long p = pos++;
      if (p < head.length) return head[(int) p];
      long q = p - head.length;
      return lineLength > 0 && q % lineLength == lineLength - 1 ? '\n' : 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) return -1;
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) b[off + i] = (byte) read();
      return n;
    }
  }

  List<String> urls(String path) throws Exception {
    HttpResponse<String> r = stack.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> urls = new ArrayList<>();
    body(r).get("download_urls").forEach(u -> urls.add(u.asText()));
    return urls;
  }

  JsonNode fetchJson(String url) throws Exception {
    HttpResponse<String> r =
        stack
            .http()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  static List<String> ids(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
