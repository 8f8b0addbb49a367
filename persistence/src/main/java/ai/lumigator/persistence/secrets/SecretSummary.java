package ai.lumigator.persistence.secrets;

/** A secret as listed: never its value. */
public record SecretSummary(String name, String description) {}
