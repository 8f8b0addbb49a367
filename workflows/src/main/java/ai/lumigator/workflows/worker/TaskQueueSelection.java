package ai.lumigator.workflows.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Lets one worker deployment poll only some task queues ({@value #PROPERTY}, env {@code
 * LUMIGATOR_WORKER_TASK_QUEUES}, or a {@code queue-*} profile), without repeating worker.yaml's
 * worker entries: the entries of the other queues are dropped from {@code spring.temporal.workers}
 * before the Temporal starter reads it. Empty means every configured queue.
 */
public final class TaskQueueSelection implements EnvironmentPostProcessor, Ordered {
  public static final String PROPERTY = "lumigator.worker.task-queues";
  static final String SOURCE_NAME = "lumigatorTaskQueueSelection";

  private static final String WORKERS = "spring.temporal.workers";
  private static final Pattern WORKER_KEY =
      Pattern.compile("^" + Pattern.quote(WORKERS) + "\\[(\\d+)](.*)$");

  @Override
  public int getOrder() {
    // after the config files (and their profile-specific variants) are loaded
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Set<String> wanted = parse(environment.getProperty(PROPERTY, ""));
    if (wanted.isEmpty()) return;
    // Spring Boot binds a list from the first property source that holds any of its elements, so
    // that source alone defines the workers; a filtered copy placed first replaces it.
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) continue;
      Map<Integer, Map<String, Object>> workers = workerEntries(enumerable);
      if (workers.isEmpty()) continue;
      environment.getPropertySources().addFirst(select(environment, workers, wanted));
      return;
    }
    // no workers configured (the API process): nothing to select
  }

  static Set<String> parse(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Map<Integer, Map<String, Object>> workerEntries(
      EnumerablePropertySource<?> source) {
    Map<Integer, Map<String, Object>> byIndex = new TreeMap<>();
    for (String name : source.getPropertyNames()) {
      Matcher m = WORKER_KEY.matcher(name);
      if (m.matches()) {
        byIndex
            .computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
            .put(m.group(2), source.getProperty(name));
      }
    }
    return byIndex;
  }

  private static MapPropertySource select(
      ConfigurableEnvironment environment,
      Map<Integer, Map<String, Object>> workers,
      Set<String> wanted) {
    Map<String, Object> selected = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    int next = 0;
    for (Map<String, Object> worker : workers.values()) {
      Object queueValue = worker.get(".task-queue");
      String queue =
          queueValue == null ? "" : environment.resolvePlaceholders(String.valueOf(queueValue));
      known.add(queue);
      if (!wanted.contains(queue)) continue;
      found.add(queue);
      int index = next++;
      worker.forEach((suffix, value) -> selected.put(WORKERS + "[" + index + "]" + suffix, value));
    }
    Set<String> missing = new LinkedHashSet<>(wanted);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "%s (LUMIGATOR_WORKER_TASK_QUEUES) names %s, which no worker in %s polls; the configured task queues are %s"
              .formatted(PROPERTY, missing, WORKERS, known));
    }
    return new MapPropertySource(SOURCE_NAME, selected);
  }
}
