package ai.lumigator.activities.smoke;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.SmokeConfig;
import ai.lumigator.persistence.smoke.SmokeRunDao;
import ai.lumigator.persistence.smoke.SmokeRunRow;

public class SmokeActivitiesImpl implements SmokeActivities {
  private final S3Storage storage;
  private final SmokeRunDao runs;

  public SmokeActivitiesImpl(S3Storage storage, SmokeRunDao runs) {
    this.storage = storage;
    this.runs = runs;
  }

  @Override
  public String writeInput(SmokeRequest request) {
    String key = inputKey(request.runId());
    storage.putString(key, request.text());
    return storage.uri(key).toString();
  }

  @Override
  public String jobConfig(String runId) {
    return JobConfigJson.toJson(
        SmokeConfig.of(
            storage.uri(inputKey(runId)).toString(), storage.uri(outputKey(runId)).toString()));
  }

  @Override
  public String readOutput(String runId) {
    return storage.getString(outputKey(runId));
  }

  @Override
  public void record(SmokeRecord record) {
    runs.insertIfAbsent(
        new SmokeRunRow(
            record.runId(),
            record.submissionId(),
            record.status(),
            record.output(),
            System.currentTimeMillis()));
  }

  private static String inputKey(String runId) {
    return "smoke/" + runId + "/input.txt";
  }

  private static String outputKey(String runId) {
    return "smoke/" + runId + "/output.txt";
  }
}
