package ai.lumigator.activities.smoke;

/** A smoke run: the text the Ray job upper-cases. */
public record SmokeRequest(String runId, String text) {}
