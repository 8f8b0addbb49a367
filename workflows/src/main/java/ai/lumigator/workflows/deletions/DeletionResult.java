package ai.lumigator.workflows.deletions;

/** What a deletion removed. */
public record DeletionResult(int workflows, int jobs, int datasets, int prefixes) {}
