package ai.lumigator.workflows.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.workflows.WorkerApplication;
import ai.lumigator.workflows.testing.StackWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.autoconfigure.template.WorkersTemplate;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The real worker application (workers created, not started: no Temporal needed) with and without a
 * task-queue selection: a selected worker registers exactly what the full worker registers for that
 * queue, and nothing for the others.
 */
class TaskQueueSelectionTest {
  static final List<String> ALL_QUEUES =
      List.of(TaskQueues.ORCHESTRATION, TaskQueues.RAY, TaskQueues.IO);

  @TempDir static Path dataDir;
  static Map<String, Set<String>> fullWorker;

  @BeforeAll
  static void registrationsOfTheFullWorker() {
    try (ConfigurableApplicationContext worker = start()) {
      fullWorker = registrations(worker);
    }
  }

  @Test
  void withoutSelectionEveryConfiguredQueueIsPolled() {
    assertThat(fullWorker.keySet()).containsExactlyInAnyOrderElementsOf(ALL_QUEUES);
    assertThat(fullWorker.get(TaskQueues.ORCHESTRATION))
        .contains("workflow ai.lumigator.workflows.smoke.SmokeWorkflow");
    assertThat(fullWorker.get(TaskQueues.IO)).contains("activities smokeActivities");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orchestration", "ray", "io"})
  void aQueueProfileRegistersOnlyThatQueuesWorker(String name) {
    String queue = "lumigator-" + name;
    try (ConfigurableApplicationContext worker = start("spring.profiles.active=queue-" + name)) {
      assertThat(registrations(worker)).isEqualTo(Map.of(queue, fullWorker.get(queue)));
    }
  }

  @Test
  void theEnvironmentListSelectsSeveralQueues() {
    try (ConfigurableApplicationContext worker =
        start(TaskQueueSelection.PROPERTY + "= lumigator-ray , lumigator-io")) {
      assertThat(registrations(worker))
          .isEqualTo(
              Map.of(
                  TaskQueues.RAY, fullWorker.get(TaskQueues.RAY),
                  TaskQueues.IO, fullWorker.get(TaskQueues.IO)));
    }
  }

  @Test
  void anUnknownQueueStopsTheStartWithTheKnownOnes() {
    assertThatThrownBy(() -> start(TaskQueueSelection.PROPERTY + "=lumigator-gpu").close())
        .hasMessageContaining("names [lumigator-gpu], which no worker")
        .hasMessageContaining("[lumigator-orchestration, lumigator-ray, lumigator-io]");
  }

  @Test
  void aProcessWithoutWorkersIgnoresTheSelection() {
    // the API imports the same configuration classes and may share the workers' environment
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test", Map.of(TaskQueueSelection.PROPERTY, TaskQueues.RAY, "server.port", "0")));
    new TaskQueueSelection().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getPropertySources().contains(TaskQueueSelection.SOURCE_NAME)).isFalse();
  }

  @Test
  void theIdentityIsConfigurable() {
    try (ConfigurableApplicationContext worker =
        start(WorkerIdentityConfiguration.PROPERTY + "=worker-a")) {
      assertThat(worker.getBean(WorkflowClient.class).getOptions().getIdentity())
          .isEqualTo("worker-a");
    }
    try (ConfigurableApplicationContext worker = start()) {
      assertThat(worker.getBean(WorkflowClient.class).getOptions().getIdentity())
          .matches("\\d+@.+");
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    List<String> args = new ArrayList<>();
    args.add("--spring.temporal.start-workers=false");
    args.add("--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
    args.addAll(StackWorker.testSecretKeyUnlessSet());
    for (String p : properties) args.add("--" + p);
    return new SpringApplicationBuilder(WorkerApplication.class)
        .properties("spring.config.name=worker")
        .run(args.toArray(String[]::new));
  }

  /** Per task queue: "workflow <class>" and "activities <bean>" entries. */
  private static Map<String, Set<String>> registrations(ConfigurableApplicationContext worker) {
    WorkersTemplate template = worker.getBean(WorkersTemplate.class);
    Set<String> queues =
        template.getWorkers().stream().map(Worker::getTaskQueue).collect(Collectors.toSet());
    return queues.stream()
        .collect(
            Collectors.toMap(
                Function.identity(),
                q -> {
                  Set<String> out = new TreeSet<>();
                  WorkersTemplate.RegisteredInfo info = template.getRegisteredInfo().get(q);
                  if (info != null) {
                    info.getRegisteredWorkflowInfo()
                        .forEach(w -> out.add("workflow " + w.getClassName()));
                    info.getRegisteredActivityInfo()
                        .forEach(a -> out.add("activities " + a.getBeanName()));
                  }
                  return out;
                }));
  }
}
