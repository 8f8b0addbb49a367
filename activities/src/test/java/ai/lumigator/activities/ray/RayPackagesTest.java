package ai.lumigator.activities.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RayPackagesTest {

  @TempDir Path tmp;

  private Path sampleDir(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("run.sh"), "echo hello\n");
    Files.writeString(dir.resolve("sub/deeper/data.txt"), "data");
    Files.writeString(dir.resolve("sub/a.txt"), "a");
    return dir;
  }

  @Test
  void nameIsTheSha1OfTheZipAndUriIsGcs() throws Exception {
    RayPackages.RayPackage pkg = RayPackages.zipDirectory(sampleDir("d"), tmp.resolve("p.zip"));

    String sha1 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(pkg.zip())));
    assertThat(pkg.name())
        .isEqualTo("_ray_pkg_" + sha1 + ".zip")
        .matches("_ray_pkg_[0-9a-f]{40}\\.zip");
    assertThat(pkg.uri()).isEqualTo("gcs://" + pkg.name());
    assertThat(pkg.size()).isEqualTo(Files.size(pkg.zip()));
  }

  @Test
  void zipHoldsFilesRelativeToTheDirectorySortedWithEmptyDirectoriesKept() throws Exception {
    RayPackages.RayPackage pkg = RayPackages.zipDirectory(sampleDir("d"), tmp.resolve("p.zip"));
    try (ZipFile zip = new ZipFile(pkg.zip().toFile())) {
      List<String> names = new ArrayList<>();
      Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
      assertThat(names).containsExactly("empty/", "run.sh", "sub/a.txt", "sub/deeper/data.txt");
      ZipEntry run = zip.getEntry("run.sh");
      assertThat(new String(zip.getInputStream(run).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("echo hello\n");
      assertThat(run.getExtra()).isNull();
    }
  }

  @Test
  void sameContentGivesTheSameNameWhateverTheFileTimesAndLocation() throws Exception {
    Path first = sampleDir("one");
    Path second = sampleDir("two");
    Files.setLastModifiedTime(
        second.resolve("run.sh"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));

    String a = RayPackages.zipDirectory(first, tmp.resolve("a.zip")).name();
    String b = RayPackages.zipDirectory(second, tmp.resolve("b.zip")).name();
    assertThat(a).isEqualTo(b);
    assertThat(Files.readAllBytes(tmp.resolve("a.zip")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b.zip")));

    Files.writeString(second.resolve("sub/a.txt"), "changed");
    assertThat(RayPackages.zipDirectory(second, tmp.resolve("c.zip")).name()).isNotEqualTo(a);
  }

  @Test
  void nameDoesNotDependOnTheTimeZone() throws Exception {
    Path dir = sampleDir("tz");
    java.util.TimeZone original = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
      String utc = RayPackages.zipDirectory(dir, tmp.resolve("utc.zip")).name();
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
      String tokyo = RayPackages.zipDirectory(dir, tmp.resolve("tokyo.zip")).name();
      assertThat(tokyo).isEqualTo(utc);
    } finally {
      java.util.TimeZone.setDefault(original);
    }
  }

  @Test
  void jobsJarIsStoredUnderItsFixedName() throws Exception {
    Path jar = tmp.resolve("lumigator-jobs-0.1.0-SNAPSHOT-all.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    RayPackages.RayPackage pkg = RayPackages.zipJobsJar(jar, tmp.resolve("j.zip"));
    try (ZipFile zip = new ZipFile(pkg.zip().toFile())) {
      assertThat(Collections.list(zip.entries()))
          .extracting(ZipEntry::getName)
          .containsExactly(RayPackages.JOBS_JAR);
      assertThat(zip.getInputStream(zip.getEntry("lumigator-jobs.jar")).readAllBytes())
          .isEqualTo(Files.readAllBytes(jar));
    }
  }

  @Test
  void rejectsMissingInputs() {
    assertThatThrownBy(() -> RayPackages.zipDirectory(tmp.resolve("nope"), tmp.resolve("x.zip")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RayPackages.zipJobsJar(tmp.resolve("nope.jar"), tmp.resolve("x.zip")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
