package ai.lumigator.api.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code skip} and {@code limit} of every listing, checked alike: each at least 0 ({@code
 * limit=0} is an empty page with the total), as the original's listings take them.
 */
public final class PageParameters {
  private PageParameters() {}

  /** The problems of a listing's paging, to report with its other query problems. */
  public static List<ValidationError> problems(long skip, long limit) {
    List<ValidationError> errors = new ArrayList<>();
    if (skip < 0) errors.add(atLeastZero("skip"));
    if (limit < 0) errors.add(atLeastZero("limit"));
    return errors;
  }

  /**
   * @throws RequestShapeException for a negative skip or limit
   */
  public static void check(long skip, long limit) {
    List<ValidationError> errors = problems(skip, limit);
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
  }

  private static ValidationError atLeastZero(String param) {
    return new ValidationError(
        List.of("query", param),
        "Input should be greater than or equal to 0",
        "greater_than_equal");
  }
}
