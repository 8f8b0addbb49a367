import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageProperties;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of bench/dataset-upload.sh: the same file streamed to the same S3 endpoint with the
 * project's S3Storage.putStream (the call the API's staging uses), no HTTP API in between.
 *
 * <p>java -cp <activities classpath> PlainPut.java FILE KEY — after two untimed warm-up puts, does
 * one timed put per line read from standard input and answers each with a line "bytes seconds", so
 * the benchmark can interleave plain and API uploads. The object is deleted after each put.
 */
public class PlainPut {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String key = args[1];
    StorageProperties props =
        StorageProperties.fromEnv(
            System.getenv(),
            StorageProperties.of(
                URI.create("http://127.0.0.1:9000"),
                "us-east-1",
                "lumigator",
                "lumigator",
                "lumigator-local-secret",
                true));
    try (S3Storage storage = new S3Storage(props)) {
      put(storage, file, key); // warm-up: connections, classes, JIT
      put(storage, file, key);
      System.out.println("ready");
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
      while (commands.readLine() != null) {
        System.out.println(put(storage, file, key));
        System.out.flush();
      }
    }
  }

  /** One put, timed; the delete afterwards is not. Returns "bytes seconds". */
  private static String put(S3Storage storage, Path file, String key) throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      long t0 = System.nanoTime();
      long bytes = storage.putStream(key, in, "text/csv");
      double seconds = (System.nanoTime() - t0) / 1e9;
      return String.format("%d %.6f", bytes, seconds);
    } finally {
      storage.deleteKey(key);
    }
  }
}
