package ai.lumigator.workflows.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.workflows.testing.PrivateStack;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code stack.sh start worker} after the worker was killed: the old "started" line is still in
 * worker.log, so readiness must come from this start's part of the log.
 */
@Tag("stack")
class StackScriptWorkerRestartStackTest {
  static final String READY = "Lumigator worker started";

  @Test
  void aRestartAfterAKillWaitsForTheNewWorker() throws Exception {
    try (PrivateStack stack = PrivateStack.startNew("s3", "temporal")) {
      stack.start("worker");
      ProcessHandle.of(stack.pid("worker")).orElseThrow().destroyForcibly(); // kill -9
      ProcessHandle.of(stack.pid("worker"))
          .ifPresent(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());

      Duration restart = stack.start("worker");
      System.out.printf(
          "[fault] worker killed; stack.sh start worker: up in %.1f s%n",
          restart.toMillis() / 1000.0);
      assertThat(count(Files.readString(stack.log("worker")), READY))
          .as("start returned after the new worker's own ready line")
          .isEqualTo(2);
      assertThat(ProcessHandle.of(stack.pid("worker")).map(ProcessHandle::isAlive)).hasValue(true);
    }
  }

  static int count(String text, String line) {
    Matcher m = Pattern.compile(Pattern.quote(line)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
