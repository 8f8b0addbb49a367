package ai.lumigator.activities.ray;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Status of a Ray job as the Jobs API reports it. */
public enum RayJobStatus {
  PENDING,
  RUNNING,
  STOPPED,
  SUCCEEDED,
  FAILED;

  /** A job in a terminal status never changes again. */
  public boolean isTerminal() {
    return this == STOPPED || this == SUCCEEDED || this == FAILED;
  }

  @JsonCreator
  public static RayJobStatus parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("Ray job status is missing");
    }
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
