package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs entrypoints as Ray does (through {@code sh}, in the job's working_dir holding the jobs jar),
 * with a stand-in job program that prints its command and config and fails on command "fail".
 */
class EntrypointsTest {
  @TempDir Path workingDir;
  @TempDir Path build;

  private static final String CONFIG = "{\"prompt\": \"it's a \\\"test\\\"\"}";

  @BeforeEach
  void jobsJar() throws IOException {
    Path source = build.resolve("Main.java");
    Files.writeString(
        source,
        """
        public class Main {
          public static void noop() {}

          public static void main(String[] args) throws Exception {
            // enough reflective calls for the JVM to generate an accessor class, which a class
            // archive cannot hold (the JVM warns about it when it records one)
            for (int i = 0; i < 20; i++) Main.class.getMethod("noop").invoke(null);
            System.out.println(args[0] + " " + args[1] + " " + args[2]);
            if (args[0].equals("fail")) System.exit(3);
          }
        }
        """);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString());
    assertThat(rc).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
    try (JarOutputStream jar =
        new JarOutputStream(
            Files.newOutputStream(workingDir.resolve(RayPackages.JOBS_JAR)), manifest)) {
      jar.putNextEntry(new JarEntry("Main.class"));
      jar.write(Files.readAllBytes(build.resolve("Main.class")));
      jar.closeEntry();
    }
  }

  private record Run(int exitCode, String output) {}

  private Run run(String entrypoint) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", entrypoint).directory(workingDir.toFile());
    pb.environment()
        .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(workingDir)) {
      return list.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstJobRecordsTheClassArchiveAndTheNextStartFromIt() throws Exception {
    Run first = run(Entrypoints.of("-Xmx64m", "inference", CONFIG, true));

    assertThat(first.exitCode()).isZero();
    assertThat(first.output()).isEqualTo("inference --config " + CONFIG + "\n");
    assertThat(files()).containsExactly(RayPackages.JOBS_JAR, Entrypoints.CLASS_ARCHIVE);

    // -Xshare:on: the JVM refuses to start unless it can map the archive
    Run next = run(Entrypoints.of("-Xmx64m -Xshare:on", "inference", CONFIG, true));

    assertThat(next.exitCode()).isZero();
    assertThat(next.output()).isEqualTo("inference --config " + CONFIG + "\n");
  }

  @Test
  void aFailingJobProgramsExitCodeReachesRayWithOrWithoutTheArchive() throws Exception {
    Run recording = run(Entrypoints.of("", "fail", CONFIG, true));
    assertThat(recording.exitCode()).isEqualTo(3);
    assertThat(files()).contains(Entrypoints.CLASS_ARCHIVE);

    Run fromArchive = run(Entrypoints.of("-Xshare:on", "fail", CONFIG, true));
    assertThat(fromArchive.exitCode()).isEqualTo(3);
    assertThat(fromArchive.output()).isEqualTo("fail --config " + CONFIG + "\n");
  }

  @Test
  void withoutClassDataSharingTheEntrypointIsThePlainCommand() throws Exception {
    String entrypoint = Entrypoints.of("-Xmx64m", "inference", "{}", false);

    assertThat(entrypoint)
        .isEqualTo("java -Xmx64m -jar lumigator-jobs.jar inference --config '{}'");
    assertThat(run(entrypoint).exitCode()).isZero();
    assertThat(files()).containsExactly(RayPackages.JOBS_JAR);
  }

  @Test
  void recordingTheArchiveAddsNothingToTheJobsLog() throws Exception {
    Run first = run(Entrypoints.of("", "inference", "{}", true));

    assertThat(first.output()).isEqualTo("inference --config {}\n");
  }
}
