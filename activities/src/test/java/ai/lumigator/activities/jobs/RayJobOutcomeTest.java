package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RayJobOutcomeTest {
  static RayJobOutcome failed(String message, Integer code) {
    return new RayJobOutcome("j", "failed", message, null, 1L, 2L, code, false);
  }

  @Test
  void aProcessKilledBySignalIsToldFromTheProgramsOwnFailure() {
    assertThat(failed(null, -9).processKilled()).isTrue(); // Ray's child itself was killed
    assertThat(failed(null, 137).processKilled()).isTrue(); // the shell around it reports 128 + 9
    assertThat(
            failed("Job entrypoint command failed with exit code 143, last", null).processKilled())
        .isTrue();
    assertThat(failed("Job entrypoint command failed with exit code 1, last", null).processKilled())
        .isFalse();
    assertThat(failed(null, 2).processKilled()).isFalse(); // JobMain's bad input
    assertThat(failed("Job supervisor actor died", null).processKilled()).isFalse();
    assertThat(new RayJobOutcome("j", "stopped", null, null, 1L, 2L, -15, false).processKilled())
        .isFalse();
    assertThat(new RayJobOutcome("j", "failed", null, null, 1L, 2L, -9, true).processKilled())
        .isFalse();
  }
}
