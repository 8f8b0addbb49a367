package ai.lumigator.api.models;

import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.inference.BaselineModelClient;
import ai.lumigator.jobs.inference.Providers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suggested models, read once from a YAML file (a list of entries, see models.yaml) and checked
 * completely before the API serves anything: an unknown provider, task, requirement or field, a
 * missing field, or a duplicate entry throws {@link ModelCatalogueException} listing every problem.
 */
public final class ModelCatalogue {
  /** Task names, lower-case, as job task_definitions spell them. */
  public static final List<String> TASKS =
      List.of(
          TaskDefinition.SUMMARIZATION, TaskDefinition.TRANSLATION, TaskDefinition.TEXT_GENERATION);

  public static final List<String> PROVIDERS = Providers.SUPPORTED;
  public static final List<String> REQUIREMENTS = List.of("api_key", "llamafile");

  private static final Set<String> FIELDS =
      Set.of(
          "display_name",
          "model",
          "provider",
          "base_url",
          "website_url",
          "description",
          "requirements",
          "info",
          "tasks",
          "price");
  private static final Set<String> INFO_FIELDS =
      Set.of("parameter_count", "tensor_type", "model_size");
  private static final Set<String> PRICE_FIELDS =
      Set.of("input_usd_per_1m_tokens", "output_usd_per_1m_tokens");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<ModelEntry> entries;

  private ModelCatalogue(List<ModelEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<ModelEntry> entries() {
    return entries;
  }

  /**
   * Entries suiting any of the tasks (all entries when none is given), in catalogue order. Task
   * names are case-insensitive.
   *
   * @throws UnsupportedTasksException naming the unknown tasks and the supported ones
   */
  public List<ModelEntry> forTasks(List<String> tasks) {
    if (tasks == null || tasks.isEmpty()) return entries;
    Set<String> wanted = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String task : tasks) {
      String t = task == null ? "" : task.strip().toLowerCase(Locale.ROOT);
      (TASKS.contains(t) ? wanted : unknown).add(t);
    }
    if (!unknown.isEmpty()) throw new UnsupportedTasksException(unknown, TASKS);
    return entries.stream().filter(e -> wanted.stream().anyMatch(e::suits)).toList();
  }

  /**
   * The price of the entry for this provider and model: the entry with the same base_url, else the
   * only entry for the pair; empty when there is none or it has no price.
   */
  public Optional<ModelPrice> priceOf(String provider, String model, String baseUrl) {
    List<ModelEntry> same =
        entries.stream()
            .filter(e -> e.provider().equals(provider) && e.model().equals(model))
            .toList();
    Optional<ModelEntry> entry =
        same.stream().filter(e -> sameUrl(e.baseUrl(), baseUrl)).findFirst();
    if (entry.isEmpty() && same.size() == 1) entry = Optional.of(same.get(0));
    return entry.map(ModelEntry::price);
  }

  private static boolean sameUrl(String a, String b) {
    return a == null || b == null ? a == b : strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public static ModelCatalogue read(String location, InputStream in) {
    JsonNode root;
    try {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ModelCatalogueException(
          location, List.of("not valid YAML: " + e.getOriginalMessage() + where(e)));
    } catch (IOException e) {
      throw new ModelCatalogueException(location, List.of("cannot be read: " + e.getMessage()));
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new ModelCatalogueException(
          location, List.of("must be a non-empty YAML list of model entries"));
    }
    List<String> problems = new ArrayList<>();
    List<ModelEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      EntryReader reader = new EntryReader(i + 1, root.get(i), problems);
      ModelEntry entry = reader.read();
      if (entry == null) continue;
      String identity = entry.provider() + " " + entry.model() + " " + entry.baseUrl();
      if (!seen.add(identity)) {
        problems.add(
            reader.label() + ": duplicate of an earlier entry (same provider, model and base_url)");
      }
      entries.add(entry);
    }
    if (!problems.isEmpty()) throw new ModelCatalogueException(location, problems);
    return new ModelCatalogue(entries);
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** Reads one entry, adding a problem (prefixed with the entry's number and name) per mistake. */
  private static final class EntryReader {
    private final int number;
    private final JsonNode node;
    private final List<String> problems;
    private final int problemsBefore;

    EntryReader(int number, JsonNode node, List<String> problems) {
      this.number = number;
      this.node = node;
      this.problems = problems;
      this.problemsBefore = problems.size();
    }

    String label() {
      JsonNode name = node == null ? null : node.get("display_name");
      return "entry "
          + number
          + (name != null && name.isTextual() ? " (" + name.asText() + ")" : "");
    }

    ModelEntry read() {
      if (node == null || !node.isObject()) {
        problem("must be a mapping with display_name, model, provider and tasks");
        return null;
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!FIELDS.contains(field)) {
          problem("unknown field '" + field + "'; allowed: " + String.join(", ", sorted(FIELDS)));
        }
      }
      String displayName = requiredText("display_name");
      String model = requiredText("model");
      String provider = requiredText("provider");
      if (provider != null && !PROVIDERS.contains(provider)) {
        problem("unknown provider '" + provider + "'; supported: " + String.join(", ", PROVIDERS));
      }
      String baseUrl = optionalUrl("base_url");
      String websiteUrl = optionalUrl("website_url");
      String description = optionalText("description");
      if (Providers.NEED_BASE_URL.contains(provider) && baseUrl == null) {
        problem("provider " + provider + " needs base_url (" + Providers.needsWhat(provider) + ")");
      }
      if (Providers.BASELINE.equals(provider) && model != null) {
        try {
          BaselineModelClient.create(model);
        } catch (IllegalArgumentException e) {
          problem(e.getMessage());
        }
      }
      List<String> requirements = requirements();
      ModelInfo info = info();
      List<Map<String, Map<String, Object>>> tasks = tasks();
      ModelPrice price = price();
      if (problems.size() > problemsBefore) return null;
      return new ModelEntry(
          displayName,
          model,
          provider,
          baseUrl,
          websiteUrl,
          description,
          requirements,
          info,
          tasks,
          price);
    }

    private String requiredText(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        problem("missing field '" + field + "'");
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        problem("'" + field + "' must be a non-empty string");
        return null;
      }
      return value.asText().strip();
    }

    private String optionalText(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) return null;
      if (!value.isValueNode()) {
        problem("'" + field + "' must be a string");
        return null;
      }
      return value.asText().strip();
    }

    private String optionalUrl(String field) {
      String url = optionalText(field);
      if (url == null) return null;
      try {
        URI uri = new URI(url);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          return url;
        }
      } catch (Exception e) {
        // reported below
      }
      problem("'" + field + "' must be an http(s) URL, not '" + url + "'");
      return null;
    }

    private List<String> requirements() {
      JsonNode value = node.get("requirements");
      // the original's schema defaults it to []: its web UI calls requirements.includes(...)
      if (value == null || value.isNull()) return List.of();
      if (!value.isArray()) {
        problem("'requirements' must be a list of " + String.join(", ", REQUIREMENTS));
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode r : value) {
        if (!r.isTextual() || !REQUIREMENTS.contains(r.asText())) {
          problem(
              "unknown requirement '"
                  + r.asText()
                  + "'; supported: "
                  + String.join(", ", REQUIREMENTS));
        } else {
          out.add(r.asText());
        }
      }
      return out;
    }

    private ModelInfo info() {
      JsonNode value = node.get("info");
      if (value == null || value.isNull()) return null;
      if (!value.isObject()) {
        problem("'info' must be a mapping of " + String.join(", ", sorted(INFO_FIELDS)));
        return null;
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!INFO_FIELDS.contains(field)) {
          problem(
              "unknown field 'info."
                  + field
                  + "'; allowed: "
                  + String.join(", ", sorted(INFO_FIELDS)));
        }
      }
      return new ModelInfo(
          scalar(value, "parameter_count"),
          scalar(value, "tensor_type"),
          scalar(value, "model_size"));
    }

    private ModelPrice price() {
      JsonNode value = node.get("price");
      if (value == null || value.isNull()) return null;
      String expected = "'price' must be a mapping of " + String.join(", ", sorted(PRICE_FIELDS));
      if (!value.isObject()) {
        problem(expected + " (USD per million tokens)");
        return null;
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!PRICE_FIELDS.contains(field)) {
          problem(
              "unknown field 'price."
                  + field
                  + "'; allowed: "
                  + String.join(", ", sorted(PRICE_FIELDS)));
        }
      }
      Double in = usd(value, "input_usd_per_1m_tokens");
      Double out = usd(value, "output_usd_per_1m_tokens");
      return in == null || out == null ? null : new ModelPrice(in, out);
    }

    private Double usd(JsonNode price, String field) {
      JsonNode value = price.get(field);
      if (value == null || value.isNull()) {
        problem("missing field 'price." + field + "'");
        return null;
      }
      if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
        problem("'price." + field + "' must be a number >= 0 (USD per million tokens)");
        return null;
      }
      return value.asDouble();
    }

    private String scalar(JsonNode parent, String field) {
      JsonNode value = parent.get(field);
      if (value == null || value.isNull()) return null;
      if (!value.isValueNode()) {
        problem("'info." + field + "' must be a string");
        return null;
      }
      return value.asText();
    }

    private List<Map<String, Map<String, Object>>> tasks() {
      JsonNode value = node.get("tasks");
      if (value == null || value.isNull()) {
        problem("missing field 'tasks'");
        return null;
      }
      if (!value.isArray() || value.isEmpty()) {
        problem("'tasks' must be a non-empty list, e.g. [summarization: {}]");
        return null;
      }
      List<Map<String, Map<String, Object>>> tasks = new ArrayList<>();
      for (JsonNode t : value) {
        String name;
        JsonNode params;
        if (t.isTextual()) {
          name = t.asText();
          params = null;
        } else if (t.isObject() && t.size() == 1) {
          name = t.fieldNames().next();
          params = t.get(name);
        } else {
          problem("each task must be a name or a single-key mapping {task: parameters}");
          continue;
        }
        if (!TASKS.contains(name)) {
          problem("unknown task '" + name + "'; supported: " + String.join(", ", TASKS));
          continue;
        }
        if (params != null && !params.isNull() && !params.isObject()) {
          problem("parameters of task '" + name + "' must be a mapping");
          continue;
        }
        Map<String, Object> p =
            params == null || params.isNull()
                ? Map.of()
                : YAML.convertValue(params, new TypeReference<LinkedHashMap<String, Object>>() {});
        Map<String, Map<String, Object>> one = new LinkedHashMap<>();
        one.put(name, p);
        tasks.add(one);
      }
      return tasks;
    }

    private void problem(String message) {
      problems.add(label() + ": " + message);
    }

    private static List<String> sorted(Set<String> names) {
      return names.stream().sorted().toList();
    }
  }
}
