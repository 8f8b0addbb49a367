package ai.lumigator.persistence;

import java.util.Locale;

/**
 * Where the database is. {@code url} is a JDBC URL ({@code jdbc:sqlite:<file>} or {@code
 * jdbc:postgresql://...}); username and password may be null (SQLite, or credentials in the URL).
 */
public record DatabaseProperties(String url, String username, String password, int maxPoolSize) {

  public static final String DEFAULT_URL = "jdbc:sqlite:.lumigator/lumigator.db";
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  public DatabaseProperties {
    if (url == null || url.isBlank()) {
      url = DEFAULT_URL;
    }
    if (maxPoolSize <= 0) {
      maxPoolSize = DEFAULT_MAX_POOL_SIZE;
    }
  }

  public static DatabaseProperties defaults() {
    return of(DEFAULT_URL);
  }

  public static DatabaseProperties of(String url) {
    return new DatabaseProperties(url, null, null, DEFAULT_MAX_POOL_SIZE);
  }

  public boolean isSqlite() {
    return url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
  }
}
