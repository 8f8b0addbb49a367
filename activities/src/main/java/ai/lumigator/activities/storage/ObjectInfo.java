package ai.lumigator.activities.storage;

import java.time.Instant;

/** What a HEAD or a listing tells about one object. lastModified and eTag may be null. */
public record ObjectInfo(String key, long size, Instant lastModified, String eTag) {}
