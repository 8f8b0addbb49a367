package ai.lumigator.api.models;

import java.util.List;

/** The catalogue file is unreadable or invalid: the API refuses to start, listing every problem. */
public class ModelCatalogueException extends IllegalStateException {
  private final String location;
  private final List<String> problems;

  public ModelCatalogueException(String location, List<String> problems) {
    super(
        "Model catalogue "
            + location
            + " is invalid:\n"
            + String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
    this.location = location;
    this.problems = List.copyOf(problems);
  }

  public String location() {
    return location;
  }

  public List<String> problems() {
    return problems;
  }
}
