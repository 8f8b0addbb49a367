package ai.lumigator.jobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a real server (the local S3Proxy) that can be taken down and brought back
 * on the same port: {@link #down()} closes every connection and refuses new ones, as a stopped
 * S3Proxy does; {@link #up()} listens again. Lets a test put a real store through an outage without
 * stopping the shared stack's.
 */
public final class SwitchableProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private volatile boolean blackHole;

  private SwitchableProxy(InetSocketAddress target, int port) {
    this.target = target;
    this.port = port;
  }

  /** A relay to {@code endpoint} (http://host:port), up. */
  public static SwitchableProxy to(String endpoint) throws IOException {
    URI uri = URI.create(endpoint);
    ServerSocket first = new ServerSocket();
    first.setReuseAddress(true);
    first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    SwitchableProxy proxy =
        new SwitchableProxy(
            new InetSocketAddress(uri.getHost(), uri.getPort()), first.getLocalPort());
    proxy.listen(first);
    return proxy;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized void down() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    for (Socket s : open) s.close();
    open.clear();
  }

  /**
   * From now on new connections are accepted and never answered (a hung store); {@code false}
   * relays them again.
   */
  public void blackHole(boolean on) {
    blackHole = on;
  }

  public synchronized void up() throws IOException {
    if (server != null) return;
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(s);
  }

  private void listen(ServerSocket s) {
    server = s;
    Thread accept =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try {
                  Socket client = s.accept();
                  if (blackHole) {
                    open.add(client); // held open, never read
                    continue;
                  }
                  Socket upstream = new Socket(target.getAddress(), target.getPort());
                  open.add(client);
                  open.add(upstream);
                  pump(client, upstream);
                  pump(upstream, client);
                } catch (IOException e) {
                  // closed by down(), or the target refused: the client sees its socket close
                }
              }
            },
            "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed
              } finally {
                close(from);
                close(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    down();
  }
}
