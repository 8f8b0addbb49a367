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
 * A TCP relay in front of a real server (the local S3Proxy) that can be taken down and brought
 * back: {@link #down()} drops every connection and resets each new one at once, as a store that
 * went away does; {@link #blackHole()} accepts connections and never answers, as a hung store;
 * {@link #up()} relays again. Its port stays bound throughout, so nothing else can take it while
 * the store is "down". Lets a test put a real store through an outage without stopping the shared
 * stack's.
 */
public final class SwitchableProxy implements AutoCloseable {
  private enum Mode {
    UP,
    DOWN,
    BLACK_HOLE
  }

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.UP;

  private SwitchableProxy(InetSocketAddress target, ServerSocket server) {
    this.target = target;
    this.server = server;
  }

  /** A relay to {@code endpoint} (http://host:port), up. */
  public static SwitchableProxy to(String endpoint) throws IOException {
    URI uri = URI.create(endpoint);
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    SwitchableProxy proxy =
        new SwitchableProxy(new InetSocketAddress(uri.getHost(), uri.getPort()), server);
    Thread accept = new Thread(proxy::acceptLoop, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
    return proxy;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Drops every connection; new ones are reset at once. */
  public void down() {
    mode = Mode.DOWN;
    closeAll();
  }

  /** Drops every connection; new ones are accepted and never answered. */
  public void blackHole() {
    mode = Mode.BLACK_HOLE;
    closeAll();
  }

  /** Relays new connections again. */
  public void up() {
    mode = Mode.UP;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        switch (mode) {
          case DOWN -> {
            client.setSoLinger(true, 0); // a reset, not an orderly end
            client.close();
          }
          case BLACK_HOLE -> open.add(client); // held open, never read
          case UP -> {
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
          }
        }
      } catch (IOException e) {
        close(client);
      }
    }
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

  private void closeAll() {
    for (Socket s : open) close(s);
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    closeAll();
  }
}
