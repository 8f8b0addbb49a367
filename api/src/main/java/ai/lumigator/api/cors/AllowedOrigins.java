package ai.lumigator.api.cors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@value #ENV}: a comma-separated list of origins ({@code scheme://host[:port]}), or {@code
 * *} alone for any origin; blank turns CORS off.
 */
public final class AllowedOrigins {
  public static final String ENV = "LUMIGATOR_API_CORS_ALLOWED_ORIGINS";
  public static final String ANY = "*";

  private AllowedOrigins() {}

  /**
   * @throws InvalidCorsOriginsException for an entry that is not an origin, or {@code *} mixed with
   *     origins
   */
  public static List<String> parse(String value) {
    List<String> origins = new ArrayList<>();
    if (value == null || value.isBlank()) return origins;
    for (String raw : value.split(",")) {
      String origin = raw.strip();
      if (origin.isEmpty()) continue;
      if (origin.equals(ANY)) {
        origins.add(ANY);
        continue;
      }
      while (origin.endsWith("/")) origin = origin.substring(0, origin.length() - 1);
      if (!isOrigin(origin)) {
        throw new InvalidCorsOriginsException(
            ENV
                + ": '"
                + raw.strip()
                + "' is not an origin; write scheme://host[:port], e.g. http://localhost:3000");
      }
      origins.add(origin);
    }
    if (origins.contains(ANY) && origins.size() > 1) {
      throw new InvalidCorsOriginsException(
          ENV + ": '*' allows every origin and must stand alone, not in a list of origins");
    }
    return origins;
  }

  private static boolean isOrigin(String s) {
    try {
      URI uri = new URI(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
