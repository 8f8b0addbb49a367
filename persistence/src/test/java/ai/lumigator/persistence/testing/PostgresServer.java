package ai.lumigator.persistence.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server tests use: the one named by {@value #URL_ENV}, or else the local one that
 * {@code deploy/local/postgres.sh start} provides (started, and installed, when needed). Never
 * skipped: when neither works, tests fail with the reason.
 */
public final class PostgresServer {

  public static final String URL_ENV = "LUMIGATOR_TEST_POSTGRES_URL";
  static final String SCRIPT = "deploy/local/postgres.sh";

  private static final Pattern JDBC_URL =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
  private static String baseUrl;

  private PostgresServer() {}

  /** A JDBC URL of a database on the server whose user may create databases. */
  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      String fromEnv = System.getenv(URL_ENV);
      baseUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : startLocalServer();
    }
    return baseUrl;
  }

  /** Creates an empty database with a unique name; returns its JDBC URL. */
  public static String createDatabase() {
    String name = "lumigator_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(baseUrl(), "CREATE DATABASE " + name);
    return withDatabase(baseUrl(), name);
  }

  /** Drops a database made by {@link #createDatabase}, closing any connection still open. */
  public static void dropDatabase(String url) {
    execute(baseUrl(), "DROP DATABASE IF EXISTS " + databaseName(url) + " WITH (FORCE)");
  }

  static String withDatabase(String url, String database) {
    Matcher m = matcher(url);
    return m.group(1) + database + m.group(3);
  }

  static String databaseName(String url) {
    return matcher(url).group(2);
  }

  private static Matcher matcher(String url) {
    Matcher m = JDBC_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a jdbc:postgresql://host/database URL: " + url);
    }
    return m;
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
    }
  }

  private static String startLocalServer() {
    Path script = repoRoot().resolve(SCRIPT);
    try {
      Path out = Files.createTempFile("postgres-start", ".out");
      Path err = Files.createTempFile("postgres-start", ".err");
      try {
        // Output to files, not pipes: the server started in the background must not hold them.
        Process process =
            new ProcessBuilder("bash", script.toString(), "start")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(SCRIPT + " start did not finish in 10 minutes");
        }
        List<String> lines = Files.readAllLines(out);
        String url = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        if (process.exitValue() != 0 || !url.startsWith("jdbc:postgresql:")) {
          throw new IllegalStateException(
              "%s start failed (exit %d, stdout %s): %s"
                  .formatted(SCRIPT, process.exitValue(), lines, Files.readString(err)));
        }
        return url;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
    }
  }

  /** The repository root: the nearest folder, from the working dir up, holding the script. */
  public static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SCRIPT))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No " + SCRIPT + " in " + start + " or above; set " + URL_ENV + " instead");
  }
}
