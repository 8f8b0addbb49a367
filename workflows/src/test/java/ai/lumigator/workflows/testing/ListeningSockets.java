package ai.lumigator.workflows.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets given processes accept traffic on, read from {@code /proc} (Linux): a process's
 * {@code fd} links name its sockets' inodes, and {@code net/tcp}, {@code tcp6}, {@code udp}, {@code
 * udp6} give each inode's local address. TCP sockets count in state LISTEN; UDP sockets when
 * unconnected (they take datagrams from anyone), as {@code ss -ltnu} shows them.
 */
public final class ListeningSockets {
  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
  private static final String TCP_LISTEN = "0A";

  private ListeningSockets() {}

  /** One socket a process listens on. */
  public record Listener(
      String component, long pid, String process, String protocol, InetAddress address, int port) {
    public boolean loopback() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      String host = address.getHostAddress();
      if (host.contains(":")) host = "[" + host + "]";
      return component + " pid " + pid + " (" + process + ") " + protocol + " " + host + ":" + port;
    }
  }

  /** A local address and port of {@code /proc/net/*}: {@code 0100007F:1F90} is 127.0.0.1:8080. */
  record Bound(String protocol, InetAddress address, int port) {}

  /** The listening sockets of the given processes (pid → the component it belongs to). */
  public static List<Listener> of(Map<Long, String> processes) {
    List<Listener> out = new ArrayList<>();
    for (Map.Entry<Long, String> p : processes.entrySet()) {
      long pid = p.getKey();
      List<Long> inodes = socketInodes(pid);
      if (inodes.isEmpty()) continue;
      Map<Long, Bound> bound = new HashMap<>();
      for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
        bound.putAll(table(Path.of("/proc", String.valueOf(pid), "net", table), table));
      }
      String name = read(Path.of("/proc", String.valueOf(pid), "comm")).trim();
      for (long inode : inodes) {
        Bound b = bound.get(inode);
        if (b != null)
          out.add(new Listener(p.getValue(), pid, name, b.protocol(), b.address(), b.port()));
      }
    }
    return out;
  }

  private static List<Long> socketInodes(long pid) {
    List<Long> inodes = new ArrayList<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid + "", "fd"))) {
      for (Path fd : fds) {
        try {
          Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
          if (m.matches()) inodes.add(Long.parseLong(m.group(1)));
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException e) {
      // the process ended meanwhile: it listens on nothing
    }
    return inodes;
  }

  /** The listening sockets of one {@code /proc/net} table, by inode. */
  static Map<Long, Bound> table(Path file, String table) {
    Map<Long, Bound> out = new HashMap<>();
    String text = read(file);
    boolean udp = table.startsWith("udp");
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 10 || !f[0].endsWith(":")) continue; // the header
      boolean listening = udp ? isAny(f[2]) : TCP_LISTEN.equals(f[3]);
      if (!listening) continue;
      Bound local = address(udp ? "udp" : "tcp", f[1]);
      out.put(Long.parseLong(f[9]), local);
    }
    return out;
  }

  /** {@code hex-address:hex-port} of {@code /proc/net/*}. */
  static Bound address(String protocol, String hex) {
    int colon = hex.indexOf(':');
    String a = hex.substring(0, colon);
    byte[] bytes = new byte[a.length() / 2];
    // each 32-bit word is in the kernel's (little-endian) byte order
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(a.substring(at, at + 2), 16);
      }
    }
    try {
      return new Bound(
          protocol,
          InetAddress.getByAddress(bytes),
          Integer.parseInt(hex.substring(colon + 1), 16));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }

  private static boolean isAny(String remote) {
    return remote.replace(":", "").chars().allMatch(c -> c == '0');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
