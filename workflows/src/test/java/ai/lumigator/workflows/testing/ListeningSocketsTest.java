package ai.lumigator.workflows.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningSocketsTest {
  @Test
  void readsIpv4AndIpv6AddressesInTheKernelsByteOrder() {
    assertThat(ListeningSockets.address("tcp", "0100007F:1F90").address().getHostAddress())
        .isEqualTo("127.0.0.1");
    assertThat(ListeningSockets.address("tcp", "0100007F:1F90").port()).isEqualTo(8080);
    assertThat(ListeningSockets.address("tcp", "00000000:18EC").address().isLoopbackAddress())
        .isFalse();
    // ::ffff:127.0.0.1 (an IPv4-mapped loopback, as Java servers bind it), ::1 and ::
    assertThat(
            ListeningSockets.address("tcp", "0000000000000000FFFF00000100007F:2328")
                .address()
                .isLoopbackAddress())
        .isTrue();
    assertThat(
            ListeningSockets.address("tcp", "00000000000000000000000001000000:2328")
                .address()
                .isLoopbackAddress())
        .isTrue();
    assertThat(
            ListeningSockets.address("tcp", "00000000000000000000000000000000:2328")
                .address()
                .isLoopbackAddress())
        .isFalse();
    // 192.0.2.2
    assertThat(ListeningSockets.address("udp", "020200C0:0035").address().getHostAddress())
        .isEqualTo("192.0.2.2");
  }

  @Test
  void countsListeningTcpAndUnconnectedUdpOnly(@TempDir Path dir) throws Exception {
    String header =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    Path tcp = dir.resolve("tcp");
    Files.writeString(
        tcp,
        header
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0\n"
            + "   1: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1\n");
    assertThat(ListeningSockets.table(tcp, "tcp")).containsOnlyKeys(111L);
    Path udp = dir.resolve("udp");
    Files.writeString(
        udp,
        header
            + "  10: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 333 2 0 0\n"
            + "  11: 0100007F:A001 0100007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 444 2 0 0\n");
    Map<Long, ListeningSockets.Bound> bound = ListeningSockets.table(udp, "udp");
    assertThat(bound).containsOnlyKeys(333L);
    assertThat(bound.get(333L).address().isLoopbackAddress()).isFalse();
  }
}
