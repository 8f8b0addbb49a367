package ai.lumigator.jobs.inference;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider {@code baseline}: reference points that need no network and no key.
 *
 * <ul>
 *   <li>{@code lead-N} (N from 1 to 20; {@code lead-3} is the classic summarization baseline): the
 *       first N sentences of the example (see {@link SentenceSplitter}), one per line;
 *   <li>{@code first-line}: the first non-blank line of the example, trimmed.
 * </ul>
 *
 * No token usage is reported, so the job's {@code metrics} stay {@code {}}.
 */
public final class BaselineModelClient implements ModelClient {
  public static final String PROVIDER = "baseline";
  private static final Pattern LEAD = Pattern.compile("lead-(\\d{1,2})");

  private final String model;
  private final int lead; // 0 = first-line

  private BaselineModelClient(String model, int lead) {
    this.model = model;
    this.lead = lead;
  }

  /**
   * @throws IllegalArgumentException for a model this provider does not have
   */
  public static BaselineModelClient create(String model) {
    String m = model == null ? "" : model.trim().toLowerCase(Locale.ROOT);
    if (m.equals("first-line")) {
      return new BaselineModelClient(m, 0);
    }
    Matcher lm = LEAD.matcher(m);
    if (lm.matches()) {
      int n = Integer.parseInt(lm.group(1));
      if (n >= 1 && n <= 20) {
        return new BaselineModelClient(m, n);
      }
    }
    throw new IllegalArgumentException(
        "unknown baseline model '"
            + model
            + "'; supported: lead-1 .. lead-20 (e.g. lead-3), first-line");
  }

  public String model() {
    return model;
  }

  @Override
  public Completion complete(String example) {
    String text = example == null ? "" : example;
    if (lead == 0) {
      for (String line : text.split("\\r\\n|\\r|\\n")) {
        if (!line.isBlank()) {
          return new Completion(line.strip(), null);
        }
      }
      return new Completion("", null);
    }
    return new Completion(SentenceSplitter.lead(text, lead), null);
  }

  @Override
  public int defaultConcurrency() {
    return 1;
  }
}
