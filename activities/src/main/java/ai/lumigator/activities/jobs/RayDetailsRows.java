package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.persistence.jobs.RayDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** Ray's view of a job as stored in the job's row: secrets redacted, status lower-case. */
final class RayDetailsRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RayDetailsRows() {}

  static RayDetails of(RayJobDetails job) {
    return new RayDetails(
        job.submissionId(),
        job.status() == null ? null : job.status().name().toLowerCase(Locale.ROOT),
        job.message(),
        job.errorType(),
        job.startTime(),
        job.endTime(),
        job.driverExitCode(),
        job.entrypoint(),
        json(SecretRedaction.redactMap(job.runtimeEnv())),
        json(job.metadata()));
  }

  private static String json(Object value) {
    if (value == null) return null;
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write Ray details as JSON", e);
    }
  }
}
