package ai.lumigator.activities.datasets;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An output stream whose bytes go into one S3 object while they are written: a background thread
 * runs {@link S3Storage#putStream} on the other end of a small bounded pipe. So a producer that
 * pushes bytes (a CSV writer, a tee of an HTTP upload) can stream to S3, holding at most the pipe
 * ({@value #CHUNKS} chunks of {@value #CHUNK_SIZE} bytes) plus one S3 part in memory.
 *
 * <p>{@link #commit()} ends the object and waits until it is stored. {@link #abort(Throwable)} (and
 * {@link #close()} without a commit) makes sure no object is left: the multipart upload is aborted,
 * or the object deleted if it had been completed.
 */
public final class ObjectUpload extends OutputStream {
  static final int CHUNK_SIZE = 64 * 1024;

  /**
   * One S3 part's worth (8 MiB): while the uploader sends a part, the producer fills the next one
   * instead of waiting, so receiving and uploading overlap.
   */
  static final int CHUNKS = 128;

  private static final byte[] END = new byte[0];
  private static final byte[] ABORT = new byte[0];

  private final S3Storage storage;
  private final String key;
  private final BlockingQueue<byte[]> pipe = new ArrayBlockingQueue<>(CHUNKS);

  /** Chunks the uploader is done with, reused so a long upload allocates only a few. */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(CHUNKS + 2);

  private final CompletableFuture<Long> stored = new CompletableFuture<>();
  private byte[] chunk = new byte[CHUNK_SIZE];
  private int filled;
  private long written;
  private boolean finished;

  private ObjectUpload(S3Storage storage, String key) {
    this.storage = storage;
    this.key = key;
  }

  /** Starts the upload of {@code key}; write its content, then {@link #commit()}. */
  public static ObjectUpload start(S3Storage storage, String key, String contentType) {
    ObjectUpload upload = new ObjectUpload(storage, key);
    Thread thread =
        new Thread(
            () -> {
              try {
                upload.stored.complete(storage.putStream(key, upload.new PipeInput(), contentType));
              } catch (Throwable t) {
                upload.stored.completeExceptionally(t);
              }
            },
            "s3-upload");
    thread.setDaemon(true);
    thread.start();
    return upload;
  }

  public String key() {
    return key;
  }

  /** Bytes written so far. */
  public long written() {
    return written;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (filled == chunk.length) {
      send();
    }
    chunk[filled++] = (byte) b;
    written++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      if (filled == chunk.length) {
        send();
      }
      int n = Math.min(len, chunk.length - filled);
      System.arraycopy(b, off, chunk, filled, n);
      filled += n;
      off += n;
      len -= n;
      written += n;
    }
  }

  /**
   * Ends the content and waits until the object is stored.
   *
   * @return the bytes stored
   * @throws StorageException when the upload failed (nothing is left behind then)
   */
  public long commit() {
    if (finished) {
      throw new IllegalStateException("upload of " + key + " already ended");
    }
    try {
      if (filled > 0) {
        send();
      }
      offer(END);
    } catch (IOException e) {
      abort(e);
      throw failure(e);
    }
    finished = true;
    return await();
  }

  /**
   * Gives the upload up: waits until the uploader has stopped and makes sure no object is left.
   * Never throws; a failure to clean up is added to {@code cause} as suppressed.
   */
  public void abort(Throwable cause) {
    if (finished && stored.isDone() && !stored.isCompletedExceptionally()) {
      delete(cause); // committed already: remove what was stored
      return;
    }
    finished = true;
    pipe.clear();
    pipe.offer(ABORT); // room: the uploader is the only other party, and it only takes
    try {
      stored.get(10, TimeUnit.MINUTES);
      delete(cause); // the content was complete before the abort arrived
    } catch (ExecutionException e) {
      // the uploader failed on ABORT: putStream aborted its multipart upload, or never stored
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cause.addSuppressed(e);
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    if (!finished) {
      abort(new IOException("upload of " + key + " closed before commit"));
    }
  }

  private void delete(Throwable cause) {
    try {
      storage.deleteKey(key);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("upload of " + key + " already ended");
    }
  }

  private void send() throws IOException {
    offer(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
    byte[] reused = spare.poll();
    chunk = reused != null ? reused : new byte[CHUNK_SIZE];
    filled = 0;
  }

  /**
   * Waits for room in the pipe. If the uploader died meanwhile, its failure (a {@link
   * StorageException}) is thrown here, unchecked, so it reaches whoever drives the producer.
   */
  private void offer(byte[] bytes) throws IOException {
    try {
      while (!pipe.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
        if (stored.isDone()) {
          finished = true;
          throw failure(cause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while uploading " + key);
    }
  }

  private long await() {
    try {
      return stored.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IOException cause = new InterruptedIOException("interrupted while uploading " + key);
      abort(cause);
      throw failure(cause);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private Throwable cause() {
    try {
      stored.getNow(null);
      return null;
    } catch (Exception e) {
      return e.getCause() != null ? e.getCause() : e;
    }
  }

  private RuntimeException failure(Throwable e) {
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new StorageException(
        "put " + key + " failed: " + (e == null ? "upload ended early" : e.getMessage()),
        key,
        false,
        0,
        e);
  }

  /** The uploader's end of the pipe. */
  private final class PipeInput extends InputStream {
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean fill() throws IOException {
      while (pos == current.length) {
        if (ended) {
          return false;
        }
        byte[] next;
        try {
          next = pipe.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted");
        }
        if (next == ABORT) {
          throw new IOException("upload of " + key + " aborted by the producer");
        }
        if (next == END) {
          ended = true;
          return false;
        }
        if (current.length == CHUNK_SIZE) {
          spare.offer(current); // fully copied out: the producer may fill it again
        }
        current = next;
        pos = 0;
      }
      return true;
    }
  }
}
