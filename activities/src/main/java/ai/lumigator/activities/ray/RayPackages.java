package ai.lumigator.activities.ray;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and uploads {@code working_dir} packages the way Ray's Python SDK does: a zip of the
 * directory's content (paths relative to the directory, empty directories kept) stored in the
 * cluster under {@code _ray_pkg_<hash>.zip} and referred to as {@code gcs://_ray_pkg_<hash>.zip}.
 *
 * <p>The hash is the SHA-1 hex of the zip's bytes, as Ray names a local zip archive ({@code
 * get_uri_for_package}). The zip is deterministic (entries sorted, stored uncompressed, fixed
 * 1980-02-01 timestamps, no extra fields), so the same content always gives the same name and is
 * uploaded once.
 *
 * <p>Ray unpacks the zip into the job's working directory. A zip whose only top-level entry is a
 * directory has that directory stripped by Ray; file permissions are not carried (scripts should be
 * run as {@code sh script.sh}, jars as {@code java -jar}).
 */
public final class RayPackages {

  /** File name of the jobs jar inside the package: the entrypoint is {@code java -jar <this>}. */
  public static final String JOBS_JAR = "lumigator-jobs.jar";

  public static final String PACKAGE_PREFIX = "_ray_pkg_";
  public static final String GCS_SCHEME = "gcs://";

  /**
   * Entry time of every zip entry. Not 1980-01-01 00:00, which java.util.zip treats as "before
   * 1980" and then adds an extended-timestamp field in the local time zone.
   */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private static final Logger log = LoggerFactory.getLogger(RayPackages.class);

  /** A built package: its name in the cluster and the local zip file. */
  public record RayPackage(String name, Path zip, long size) {
    /** {@code gcs://<name>}, the value for {@code runtime_env.working_dir}. */
    public String uri() {
      return GCS_SCHEME + name;
    }
  }

  private final RayJobsClient client;

  /**
   * Package names of jobs jars already zipped, by file and version: zipping and hashing the ~30 MB
   * jar took about a second of every submit; an unchanged jar now costs one existence check.
   */
  private final Map<JarVersion, String> jobsJarPackages = new ConcurrentHashMap<>();

  private final AtomicInteger zipsBuilt = new AtomicInteger();

  private record JarVersion(Path jar, long size, long modifiedMillis) {
    static JarVersion of(Path jar) {
      try {
        return new JarVersion(
            jar.toAbsolutePath().normalize(),
            Files.size(jar),
            Files.getLastModifiedTime(jar).toMillis());
      } catch (IOException e) {
        throw new IllegalArgumentException("Not a file: " + jar, e);
      }
    }
  }

  public RayPackages(RayJobsClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Zips the content of {@code directory} into {@code zipFile}. */
  public static RayPackage zipDirectory(Path directory, Path zipFile) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("Not a directory: " + directory);
    }
    Map<String, Path> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (path.equals(directory)) {
          continue;
        }
        String name = entryName(directory.relativize(path));
        if (Files.isRegularFile(path)) {
          entries.put(name, path);
        } else if (Files.isDirectory(path) && isEmptyDirectory(path)) {
          entries.put(name + "/", path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + directory, e);
    }
    return zip(entries, zipFile);
  }

  /**
   * A package holding just {@code jar}, stored as {@value #JOBS_JAR} whatever the jar's own name,
   * so the entrypoint is {@code java -jar lumigator-jobs.jar ...}.
   */
  public static RayPackage zipJobsJar(Path jar, Path zipFile) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Not a file: " + jar);
    }
    return zip(Map.of(JOBS_JAR, jar), zipFile);
  }

  /**
   * Uploads {@code pkg} unless the cluster has it already; returns its {@code gcs://} URI. Call it
   * right before each submit: Ray deletes packages that no job refers to after a while, and the
   * existence check pins the package for the submit that follows.
   */
  public String ensureUploaded(RayPackage pkg) {
    if (client.packageExists(pkg.name())) {
      log.debug("Ray package {} already present", pkg.name());
    } else {
      client.uploadPackage(pkg.name(), pkg.zip());
    }
    return pkg.uri();
  }

  /** Zips {@code directory} to a temporary file, uploads it if needed, returns the URI. */
  public String ensureDirectoryUploaded(Path directory) {
    return withTempZip(zip -> ensureUploaded(zipDirectory(directory, zip)));
  }

  /**
   * Packages the jobs jar as {@value #JOBS_JAR}, uploads it if needed, returns the URI. The zip is
   * built once per version of the jar (its size and modification time); while that version's
   * package is in the cluster, a call is just the existence check.
   */
  public String ensureJobsJarUploaded(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Not a file: " + jar);
    }
    JarVersion version = JarVersion.of(jar);
    String known = jobsJarPackages.get(version);
    if (known != null && client.packageExists(known)) {
      return GCS_SCHEME + known;
    }
    return withTempZip(
        zip -> {
          RayPackage pkg = zipJobsJar(jar, zip);
          zipsBuilt.incrementAndGet();
          String uri = ensureUploaded(pkg);
          jobsJarPackages.put(version, pkg.name());
          return uri;
        });
  }

  /** How many jobs jar packages this instance has zipped (for tests). */
  int zipsBuilt() {
    return zipsBuilt.get();
  }

  private interface ZipAction {
    String apply(Path zip);
  }

  private static String withTempZip(ZipAction action) {
    Path zip;
    try {
      zip = Files.createTempFile("lumigator-ray-pkg-", ".zip");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file", e);
    }
    try {
      return action.apply(zip);
    } finally {
      try {
        Files.deleteIfExists(zip);
      } catch (IOException e) {
        log.warn("Could not delete temporary package {}", zip, e);
      }
    }
  }

  private static RayPackage zip(Map<String, Path> entries, Path zipFile) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream file = Files.newOutputStream(zipFile);
        DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file), sha1);
        ZipOutputStream zip = new ZipOutputStream(digest)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, Path> e : new TreeMap<>(entries).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(FIXED_TIME);
        entry.setMethod(ZipEntry.STORED);
        if (e.getKey().endsWith("/")) {
          entry.setSize(0);
          entry.setCompressedSize(0);
          entry.setCrc(0);
          zip.putNextEntry(entry);
        } else {
          long size = Files.size(e.getValue());
          entry.setSize(size);
          entry.setCompressedSize(size);
          entry.setCrc(crc32(e.getValue()));
          zip.putNextEntry(entry);
          Files.copy(e.getValue(), zip);
        }
        zip.closeEntry();
      }
      zip.finish();
      digest.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write package " + zipFile, e);
    }
    String name = PACKAGE_PREFIX + HexFormat.of().formatHex(sha1.digest()) + ".zip";
    try {
      return new RayPackage(name, zipFile, Files.size(zipFile));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read package " + zipFile, e);
    }
  }

  private static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.findAny().isEmpty();
    }
  }

  private static String entryName(Path relative) {
    List<String> parts = new ArrayList<>();
    relative.forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }
}
