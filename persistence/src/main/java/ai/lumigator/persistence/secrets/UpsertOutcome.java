package ai.lumigator.persistence.secrets;

public enum UpsertOutcome {
  CREATED,
  UPDATED
}
