package ai.lumigator.activities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {
  static final String RAY_TAIL =
      "Job entrypoint command failed with exit code 1, last available logs (truncated to 20,000"
          + " chars):\n"
          + "java -Xmx512m -jar lumigator-jobs.jar inference --config '{\"name\": \"x\","
          + " \"dataset\": {\"path\": \"s3://lumigator/datasets/1/d.csv\"}, ...}'\n"
          + "lumigator job inference failed: the dataset s3://lumigator/datasets/1/d.csv has no"
          + " column 'examples'\n";

  @Test
  void aFailedRayJobIsReducedToTheProgramsOwnError() {
    assertThat(FailureReasons.oneLine(RAY_TAIL))
        .isEqualTo("the dataset s3://lumigator/datasets/1/d.csv has no column 'examples'");
  }

  @Test
  void aWorkflowsReasonKeepsItsPrefix() {
    assertThat(FailureReasons.oneLine("Inference job 42 failed: " + RAY_TAIL))
        .isEqualTo(
            "Inference job 42 failed: the dataset s3://lumigator/datasets/1/d.csv has no column"
                + " 'examples'");
  }

  @Test
  void withoutTheProgramsLineTheExitCodeIsNamed() {
    assertThat(
            FailureReasons.oneLine(
                "Job entrypoint command failed with exit code 137, last available logs:\nKilled"))
        .isEqualTo("the job program exited with code 137 (see the job's logs)");
  }

  @Test
  void otherReasonsKeepTheirFirstLineWithinTheBound() {
    assertThat(FailureReasons.oneLine("Job exceeded its timeout of 8 s and was stopped"))
        .isEqualTo("Job exceeded its timeout of 8 s and was stopped");
    assertThat(FailureReasons.oneLine("first\nsecond")).isEqualTo("first");
    assertThat(FailureReasons.oneLine("x".repeat(3000))).hasSize(FailureReasons.MAX_CHARS);
    assertThat(FailureReasons.oneLine(null)).isNull();
  }
}
