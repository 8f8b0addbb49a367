package ai.lumigator.jobs.testing;

import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Datasets and results in a {@link LocalObjectStore}, laid out as on S3. */
public final class LocalFixtures {
  public static final String BUCKET = "lumigator";

  private LocalFixtures() {}

  /** Stores CSV text as a dataset; returns the dataset path for a config. */
  public static String putDataset(LocalObjectStore store, String id, String filename, String csv) {
    String path = "s3://" + BUCKET + "/datasets/" + id + "/" + filename;
    store.put(
        S3Location.parse(path + "/dataset.csv"), csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    return path;
  }

  /** Stores a sample dataset file as a dataset; returns the dataset path. */
  public static String putSampleDataset(LocalObjectStore store, String id, String file) {
    try {
      return putDataset(
          store, id, file, Files.readString(SampleData.file(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readJson(LocalObjectStore store, String uri) {
    Path f = store.fileOf(S3Location.parse(uri));
    try {
      return JobConfigJson.mapper().readTree(f.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
