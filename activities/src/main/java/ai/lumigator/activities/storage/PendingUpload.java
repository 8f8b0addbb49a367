package ai.lumigator.activities.storage;

import java.time.Instant;

/**
 * A multipart upload begun and neither completed nor aborted: its parts take room in the store
 * until it is aborted. {@code initiated} may be null if the store does not report it.
 */
public record PendingUpload(String key, String uploadId, Instant initiated) {}
