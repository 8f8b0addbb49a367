package ai.lumigator.api.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One dependency's health: status "ok" or "down", with a detail a person can act on. */
public record DependencyStatus(String status, String detail) {
  public static DependencyStatus ok(String detail) {
    return new DependencyStatus("ok", detail);
  }

  public static DependencyStatus down(String detail) {
    return new DependencyStatus("down", detail);
  }

  @JsonIgnore
  public boolean isOk() {
    return "ok".equals(status);
  }
}
