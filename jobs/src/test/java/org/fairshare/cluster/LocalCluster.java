package org.fairshare.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback: one master and two one-core workers, started as child
 * processes from Spark's own jars (a SPARK_HOME whose jars folder links the project's provided
 * dependencies), and a {@code spark-submit} of an application jar to it. {@link #close} stops every
 * process it started, by handle.
 */
final class LocalCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path root;
  private final Path sparkHome;
  private final String classpath;
  private final List<String> jvmFlags;
  private final List<Process> processes = new ArrayList<>();
  private final int masterPort;

  /**
   * @param root a fresh folder for SPARK_HOME, logs and the workers' folders
   * @param sparkJars Spark's jars, one path each
   */
  LocalCluster(Path root, List<Path> sparkJars, List<String> jvmFlags) throws IOException {
    this.root = root;
    this.sparkHome = root.resolve("spark-home");
    this.jvmFlags = jvmFlags;
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    // A RELEASE file makes the workers' executor launcher take jars/ as a Spark distribution's
    // (without it, it looks for a source build's directories and fails).
    Files.writeString(sparkHome.resolve("RELEASE"), "Spark 4.2.0 (fairshare ClusterIT)\n");
    for (Path jar : sparkJars) {
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    this.classpath = jars + "/*";
    this.masterPort = freePort();
  }

  /** Returns the master's URL, e.g. spark://127.0.0.1:41234. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Starts the master and two workers; returns once both workers have registered. */
  void start() throws IOException, InterruptedException {
    Path masterLog = root.resolve("master.log");
    Process master =
        start(
            masterLog,
            // The REST submission server would take the fixed port 6066; nothing uses it.
            List.of("-Xmx256m", "-Dspark.master.rest.enabled=false"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(freePort()));
    awaitLine(master, masterLog, "I have been elected leader");
    for (int i = 1; i <= 2; i++) {
      Path log = root.resolve("worker-" + i + ".log");
      Process worker =
          start(
              log,
              List.of("-Xmx256m"),
              "org.apache.spark.deploy.worker.Worker",
              masterUrl(),
              "--host",
              "127.0.0.1",
              "--cores",
              "1",
              "--memory",
              "1200m",
              "--webui-port",
              Integer.toString(freePort()),
              "--work-dir",
              Files.createDirectories(root.resolve("worker-" + i)).toString());
      awaitLine(worker, log, "Successfully registered with master");
    }
  }

  /**
   * Starts {@code SparkSubmit} of the jar's main class with these application arguments, in client
   * mode (the driver is the child process), in working directory {@code workDir}; its output goes
   * to {@code log}.
   */
  Process submit(Path jar, String mainClass, Path workDir, Path log, String... appArgs)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--master",
                masterUrl(),
                "--deploy-mode",
                "client",
                "--class",
                mainClass,
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.ui.enabled=false",
                jar.toString()));
    args.addAll(Arrays.asList(appArgs));
    return start(
        log,
        workDir,
        List.of("-Xmx1536m"),
        "org.apache.spark.deploy.SparkSubmit",
        args.toArray(String[]::new));
  }

  /** Returns the last lines of a log, for failure messages. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    // Last started first: the driver, then the workers (which stop their executors), the master.
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  private Process start(Path log, List<String> heap, String mainClass, String... args)
      throws IOException {
    return start(log, root, heap, mainClass, args);
  }

  private Process start(Path log, Path workDir, List<String> heap, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(heap);
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", classpath, mainClass));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_LOG_DIR", root.toString());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static void awaitLine(Process process, Path log, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the process logging to " + log + " ended before '" + text + "':\n" + tail(log, 30));
      }
      try {
        if (Files.exists(log) && Files.readString(log).contains(text)) {
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "no '" + text + "' in " + log + " after " + START_TIMEOUT + ":\n" + tail(log, 30));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
