package ai.lumigator.activities.jobs;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;

/**
 * The CSV of the dataset a job generated, read from its results.json; a missing or unusable
 * results.json fails non-retryably (type {@code NoResults} or {@code BadResults}).
 */
public final class JobResultsCsv {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobResultsCsv() {}

  public static GeneratedCsvWriter.Csv build(
      S3Storage storage, String resultsKey, String jobId, String outputField) {
    JsonNode results;
    try (InputStream in = storage.openStream(resultsKey)) {
      results = JSON.readTree(in);
    } catch (StorageException e) {
      if (!e.isNotFound()) throw e;
      throw ApplicationFailure.newNonRetryableFailure(
          "Job " + jobId + " wrote no results to build a dataset from", "NoResults");
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "results.json at " + resultsKey + " is not JSON: " + e.getMessage(), "BadResults");
    }
    try {
      return GeneratedCsvWriter.write(results, outputField);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadResults");
    }
  }
}
