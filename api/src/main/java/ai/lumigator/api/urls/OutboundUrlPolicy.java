package ai.lumigator.api.urls;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Which hosts a job may be sent to call: http(s) URLs whose host (by name, and each address it
 * resolves to) matches no deny rule and, when allow rules are given, matches one. A rule is a host
 * name ({@code metadata.google.internal}) or a network ({@code 169.254.0.0/16}, {@code fe80::/10},
 * one address alone). A name that does not resolve within {@link #RESOLVE_TIMEOUT} is judged by its
 * name only: the job will fail to reach it anyway.
 */
public final class OutboundUrlPolicy {
  /** Link-local and cloud metadata addresses: what a job must never be pointed at by default. */
  public static final List<String> DEFAULT_DENY =
      List.of(
          "169.254.0.0/16",
          "fe80::/10",
          "fd00:ec2::254",
          "100.100.100.200",
          "metadata.google.internal",
          "metadata");

  static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(2);
  private static final ExecutorService RESOLVER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "outbound-url-resolver");
            t.setDaemon(true);
            return t;
          });

  /** A refused URL, as a 422 item's {@code type} and {@code msg}. */
  public record Problem(String type, String msg) {}

  private record Rule(String name, byte[] network, int prefix) {
    boolean matches(String host, List<InetAddress> addresses) {
      if (name != null) return name.equals(host);
      for (InetAddress a : addresses) {
        byte[] b = a.getAddress();
        if (b.length == network.length && samePrefix(b)) return true;
      }
      return false;
    }

    private boolean samePrefix(byte[] address) {
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
      }
      return true;
    }
  }

  private final List<Rule> deny;
  private final List<Rule> allow;

  private OutboundUrlPolicy(List<Rule> deny, List<Rule> allow) {
    this.deny = deny;
    this.allow = allow;
  }

  /**
   * @throws IllegalArgumentException for a rule that is neither a host name nor a network
   */
  public static OutboundUrlPolicy of(List<String> deny, List<String> allow) {
    return new OutboundUrlPolicy(rules(deny), rules(allow));
  }

  public static OutboundUrlPolicy defaults() {
    return of(DEFAULT_DENY, List.of());
  }

  public Optional<Problem> problem(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.of(new Problem("url_parsing", "Input should be a valid URL"));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(new Problem("url_scheme", "URL scheme should be 'http' or 'https'"));
    }
    String given = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
    if (given == null || given.isBlank()) {
      return Optional.of(new Problem("url_parsing", "Input should be a valid URL, empty host"));
    }
    String bare = unbracketed(given.toLowerCase(Locale.ROOT));
    String host = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    List<InetAddress> addresses = resolve(host);
    if (deny.stream().anyMatch(r -> r.matches(host, addresses))) {
      return Optional.of(
          new Problem(
              "url_host_denied",
              "URL host is not allowed: it is a link-local or cloud metadata address, or denied by"
                  + " LUMIGATOR_BASE_URL_DENY"));
    }
    if (!allow.isEmpty() && allow.stream().noneMatch(r -> r.matches(host, addresses))) {
      return Optional.of(
          new Problem("url_host_not_allowed", "URL host is not in LUMIGATOR_BASE_URL_ALLOW"));
    }
    return Optional.empty();
  }

  /**
   * The host of an authority {@link URI} reads as registry-based, as it does for {@code 2852039166}
   * (one number for an IPv4 address) or a trailing dot: what an HTTP client would call.
   */
  private static String hostOf(String authority) {
    if (authority == null) return null;
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end < 0 ? null : hostPort.substring(0, end + 1);
    }
    int colon = hostPort.indexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static List<InetAddress> resolve(String host) {
    CompletableFuture<List<InetAddress>> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return List.of(InetAddress.getAllByName(host));
              } catch (UnknownHostException e) {
                return List.of();
              }
            },
            RESOLVER);
    try {
      return lookup.get(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return List.of();
    }
  }

  private static List<Rule> rules(List<String> specs) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : specs) {
      String spec = raw.trim().toLowerCase(Locale.ROOT);
      if (spec.isEmpty()) continue;
      int slash = spec.indexOf('/');
      String address = slash < 0 ? spec : spec.substring(0, slash);
      if (!looksLikeAddress(address)) {
        if (slash >= 0) throw new IllegalArgumentException("not a network: " + raw);
        rules.add(new Rule(unbracketed(address), null, 0));
        continue;
      }
      byte[] network;
      try {
        network = InetAddress.getByName(unbracketed(address)).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an address: " + raw, e);
      }
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(spec.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("prefix out of range: " + raw);
      }
      rules.add(new Rule(null, network, prefix));
    }
    return List.copyOf(rules);
  }

  /** An IPv4 or IPv6 literal (so resolving it asks no DNS server). */
  private static boolean looksLikeAddress(String s) {
    return s.contains(":") || s.matches("[0-9.]+");
  }
}
