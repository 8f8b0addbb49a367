package ai.lumigator.api.errors;

/**
 * The longest value, in characters, that each kind of request field takes (a 422 {@code
 * string_too_long} beyond), so that nothing a client sends makes listings large or reaches Temporal
 * oversize. The original sets none; these are far above any real use.
 */
public final class FieldLimits {
  /** A name people give: job, experiment, workflow. */
  public static final int NAME = 255;

  /** A description. */
  public static final int DESCRIPTION = 4096;

  /** A system prompt, which may hold examples. */
  public static final int PROMPT = 65536;

  /** A URL. */
  public static final int URL = 2048;

  /** A model, provider, secret, column, language or metric name. */
  public static final int IDENTIFIER = 255;

  private FieldLimits() {}
}
