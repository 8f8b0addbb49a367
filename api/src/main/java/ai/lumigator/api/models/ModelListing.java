package ai.lumigator.api.models;

import java.util.List;

/** {@code {"total": n, "items": [...]}}: the listing shape of every collection. */
public record ModelListing(int total, List<ModelEntry> items) {
  static ModelListing of(List<ModelEntry> items) {
    return new ModelListing(items.size(), items);
  }
}
