package ai.lumigator.api.health;

/** One dependency's health: status "ok" or "down", with a detail a person can act on. */
public record DependencyStatus(String status, String detail) {
  public static DependencyStatus ok(String detail) {
    return new DependencyStatus("ok", detail);
  }

  public static DependencyStatus down(String detail) {
    return new DependencyStatus("down", detail);
  }

  public boolean isOk() {
    return "ok".equals(status);
  }
}
