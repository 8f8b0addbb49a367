package ai.lumigator.activities.jobs;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.config.JobPaths;

/** Job secrets as objects {@code jobs/secrets/{submission id}} of the project's bucket. */
public final class S3JobSecretDrop implements JobSecretDrop {
  private final S3Storage storage;

  public S3JobSecretDrop(S3Storage storage) {
    this.storage = storage;
  }

  @Override
  public String put(String submissionId, String value) {
    String key = JobPaths.secretKey(submissionId);
    storage.putString(key, value, "text/plain");
    return storage.uri(key).toString();
  }

  @Override
  public void remove(String submissionId) {
    storage.deleteKey(JobPaths.secretKey(submissionId));
  }
}
