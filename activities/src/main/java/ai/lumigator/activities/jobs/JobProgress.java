package ai.lumigator.activities.jobs;

/** {@code {"done": n, "total": m}}: samples a job program has finished out of its total. */
public record JobProgress(long done, long total) {}
