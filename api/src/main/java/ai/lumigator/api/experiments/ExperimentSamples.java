package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds a {@link SamplesPage}: samples aligned by index across workflows, by index or by the
 * spread (max − min across workflows) of one per-sample key, largest first, ties by index.
 */
final class ExperimentSamples {
  static final String INDEX = "index";

  private ExperimentSamples() {}

  /**
   * @param workflows the experiment's succeeded workflows, oldest first
   * @param samples their samples by workflow id; a workflow absent here has no compiled.json
   */
  static SamplesPage of(
      String experimentId,
      List<WorkflowRow> workflows,
      Map<String, WorkflowSamples> samples,
      long skip,
      long limit,
      String sort) {
    List<WorkflowSamples> present = new ArrayList<>();
    List<SamplesPage.Workflow> listed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (WorkflowRow w : workflows) {
      WorkflowSamples s = samples.get(w.id());
      if (s == null) {
        notes.add("Workflow " + w.id() + " has no compiled.json; it is left out.");
        continue;
      }
      present.add(s);
      keys.addAll(s.scores().keySet());
      listed.add(new SamplesPage.Workflow(w.id(), w.name(), w.model(), s.size()));
    }
    String key = sort == null || sort.isBlank() ? INDEX : sort.strip();
    if (!key.equals(INDEX) && !keys.contains(key)) {
      List<String> available = new ArrayList<>(List.of(INDEX));
      available.addAll(keys);
      throw new InvalidInputException(
          "Unknown sort key '" + key + "'. Sort by one of: " + String.join(", ", available));
    }
    int total = present.stream().mapToInt(WorkflowSamples::size).max().orElse(0);
    if (listed.stream().mapToInt(SamplesPage.Workflow::samples).distinct().count() > 1) {
      notes.add(
          "The workflows have different numbers of samples ("
              + listed.stream()
                  .map(w -> w.workflowId() + ": " + w.samples())
                  .collect(Collectors.joining(", "))
              + "); samples are aligned by index, and a workflow is absent from the predictions"
              + " and scores of an index it does not have.");
    }
    List<Integer> order = IntStream.range(0, total).boxed().toList();
    if (!key.equals(INDEX)) {
      double[] spread = spreads(present, key, total);
      order =
          order.stream()
              .sorted(
                  Comparator.comparing(
                          (Integer i) ->
                              Double.isNaN(spread[i]) ? Double.NEGATIVE_INFINITY : spread[i])
                      .reversed()
                      .thenComparing(i -> i))
              .toList();
    }
    int from = (int) Math.min(skip, total);
    int to = (int) Math.min(total, from + Math.min(limit, total));
    List<SamplesPage.Item> items = new ArrayList<>();
    for (int i : order.subList(from, to)) items.add(item(i, present, keys));
    return new SamplesPage(experimentId, total, key, listed, new ArrayList<>(keys), notes, items);
  }

  /** max − min across the workflows having a finite value at each index; NaN where none has. */
  static double[] spreads(List<WorkflowSamples> present, String key, int total) {
    double[] spread = new double[total];
    for (int i = 0; i < total; i++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (WorkflowSamples s : present) {
        double[] v = s.scores().get(key);
        if (v == null || i >= v.length || !Double.isFinite(v[i])) continue;
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
      spread[i] = min <= max ? max - min : Double.NaN;
    }
    return spread;
  }

  private static SamplesPage.Item item(int i, List<WorkflowSamples> present, Set<String> keys) {
    String examples = null;
    String groundTruth = null;
    Map<String, String> predictions = new LinkedHashMap<>();
    Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
    for (WorkflowSamples s : present) {
      if (i >= s.size()) continue;
      WorkflowSamples.Texts t = s.texts();
      if (examples == null) examples = at(t.examples(), i);
      if (groundTruth == null) groundTruth = at(t.groundTruth(), i);
      predictions.put(s.workflowId(), at(t.predictions(), i));
      Map<String, Double> values = new LinkedHashMap<>();
      for (String key : keys) {
        double[] v = s.scores().get(key);
        if (v == null) continue;
        values.put(key, i < v.length && Double.isFinite(v[i]) ? v[i] : null);
      }
      scores.put(s.workflowId(), values);
    }
    return new SamplesPage.Item(i, examples, groundTruth, predictions, scores);
  }

  private static String at(List<String> values, int i) {
    return i < values.size() ? values.get(i) : null;
  }
}
