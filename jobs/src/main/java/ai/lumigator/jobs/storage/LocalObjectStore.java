package ai.lumigator.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An {@link ObjectStore} on a local folder: {@code s3://bucket/a/b} is {@code <root>/bucket/a/b}.
 * Writes go through a temporary file and an atomic move, as an S3 PUT replaces an object whole.
 */
public final class LocalObjectStore implements ObjectStore {
  private final Path root;

  public LocalObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The file that holds an object (no escaping of the root: {@code ..} segments are refused). */
  public Path fileOf(S3Location location) {
    Path p = root.resolve(location.bucket()).resolve(location.key()).normalize();
    if (!p.startsWith(root.resolve(location.bucket()))) {
      throw new IllegalArgumentException("key escapes the bucket: " + location);
    }
    return p;
  }

  @Override
  public InputStream open(S3Location location) {
    try {
      return Files.newInputStream(fileOf(location));
    } catch (NoSuchFileException e) {
      throw new StorageException("object not found: " + location, e, true);
    } catch (IOException e) {
      throw new StorageException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(S3Location location, byte[] content, String contentType) {
    Path target = fileOf(location);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(S3Location location, Path file, String contentType) {
    Path target = fileOf(location);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(S3Location location) {
    try {
      Files.deleteIfExists(fileOf(location));
    } catch (IOException e) {
      throw new StorageException("cannot delete " + location + ": " + e.getMessage(), e);
    }
  }
}
