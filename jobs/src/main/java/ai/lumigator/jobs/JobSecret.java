package ai.lumigator.jobs;

import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The provider key of an inference job. The worker does not hand it to Ray (whose job table,
 * dashboard and runtime-env log show a job's environment to anyone who can read them): it writes
 * the key to the object {@value JobEnv#SECRET_REF} names, and the job takes it from there with the
 * cluster's own S3 credentials and removes it, so it is read once.
 */
public final class JobSecret {
  private JobSecret() {}

  /** The key, or null when the job has none; registered with {@link JobLog} to stay unprinted. */
  public static String take(JobEnv env, ObjectStore store) {
    String key = env.apiKey(); // a job submitted by a worker that still passed it in the env
    if (key == null) {
      key = env.get(JobEnv.SECRET_REF).map(ref -> read(store, S3Location.parse(ref))).orElse(null);
    }
    JobLog.addSecret(key);
    return key;
  }

  private static String read(ObjectStore store, S3Location location) {
    String value;
    try (InputStream in = store.open(location)) {
      value = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (StorageException e) {
      if (!e.notFound()) throw e;
      throw new IllegalStateException(
          "the job's provider key is no longer at "
              + location
              + " (read by an earlier run of this job, or removed); run the job again",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job's provider key: " + e.getMessage(), e);
    }
    store.delete(location);
    return value.isBlank() ? null : value;
  }
}
