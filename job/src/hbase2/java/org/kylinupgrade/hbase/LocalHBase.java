package org.kylinupgrade.hbase;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.runtime.JvmFlags;

/**
 * The embedded default: a real standalone HBase (master, region server and ZooKeeper in one JVM) started
 * from this project's own classpath, data under a folder, loopback only. The ZooKeeper port is the
 * operator's; every other port is chosen free, so two instances with two ZooKeeper ports do not collide.
 */
public final class LocalHBase {
  public static final int DEFAULT_PORT = 2181;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final String PID_FILE = "local-hbase.pid";
  private static final String CLIENT_SITE = "hbase-site.xml";

  private final File dir;

  public LocalHBase(File dir) {
    this.dir = dir.getAbsoluteFile();
  }

  /** Where a running instance is, as read from its folder. */
  public static final class Status {
    public final long pid;
    public final int port;
    public final File clientSite;

    Status(long pid, int port, File clientSite) {
      this.pid = pid;
      this.port = port;
      this.clientSite = clientSite;
    }

    @Override
    public String toString() {
      return "running (pid " + pid + "), ZooKeeper 127.0.0.1:" + port + ", client config " + clientSite;
    }
  }

  public File clientSite() {
    return new File(dir, CLIENT_SITE);
  }

  public Optional<Status> status() throws IOException {
    File pidFile = new File(dir, PID_FILE);
    if (!pidFile.isFile()) {
      return Optional.empty();
    }
    String[] fields = new String(Files.readAllBytes(pidFile.toPath()), StandardCharsets.UTF_8).trim().split("\\s+");
    long pid = Long.parseLong(fields[0]);
    int port = Integer.parseInt(fields[1]);
    boolean alive = Pids.isAlive(pid);
    return alive ? Optional.of(new Status(pid, port, clientSite())) : Optional.empty();
  }

  /** Starts HBase and returns once it serves requests; writes {@code DIR/hbase-site.xml} for clients. */
  public Status start(int port) throws IOException, InterruptedException {
    Optional<Status> running = status();
    if (running.isPresent()) {
      return running.get();
    }
    requireFree(port);
    Files.createDirectories(dir.toPath().resolve("conf"));
    Files.createDirectories(dir.toPath().resolve("logs"));
    writeSite(new File(dir, "conf/hbase-site.xml"), serverSettings(port));
    Files.deleteIfExists(clientSite().toPath());

    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin" + File.separator + "java").getPath());
    // -Dkylin.upgrade.local-hbase.heap=4g for thousands of regions (the coprocessor benchmark)
    command.add("-Xmx" + System.getProperty("kylin.upgrade.local-hbase.heap", "1g"));
    command.addAll(JvmFlags.jdk17());
    command.add("-Dhbase.log.dir=" + new File(dir, "logs"));
    command.add("-cp");
    command.add(new File(dir, "conf") + File.pathSeparator + System.getProperty("java.class.path"));
    command.add("org.apache.hadoop.hbase.master.HMaster");
    command.add("start");
    File log = new File(dir, "logs/hbase.log");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .start();
    long pid = Pids.of(process);
    Files.write(new File(dir, PID_FILE).toPath(), (pid + " " + port + "\n").getBytes(StandardCharsets.UTF_8));

    awaitReady(process, port, log);
    writeSite(clientSite(), clientSettings(port));
    return new Status(pid, port, clientSite());
  }

  /** Shuts HBase down cleanly (through the master), killing it only if it does not exit in time. */
  public boolean stop() throws IOException, InterruptedException {
    Optional<Status> running = status();
    if (!running.isPresent()) {
      Files.deleteIfExists(new File(dir, PID_FILE).toPath());
      return false;
    }
    Status s = running.get();
    try (Connection c = ConnectionFactory.createConnection(clientConf(s.port));
        Admin admin = c.getAdmin()) {
      admin.shutdown();
    } catch (IOException e) {
      // not answering: fall through to the signal
    }
    if (!waitForExit(s.pid, STOP_TIMEOUT)) {
      Pids.destroy(s.pid, false);
      if (!waitForExit(s.pid, Duration.ofSeconds(15))) {
        Pids.destroy(s.pid, true);
      }
    }
    Files.deleteIfExists(new File(dir, PID_FILE).toPath());
    return true;
  }

  private static boolean waitForExit(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Pids.isAlive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /**
   * Process ids through the JDK's {@code ProcessHandle}, reached by reflection: the class file stays Java 8 (the
   * cluster jar's level) while the local HBase, started by the launcher, needs a Java 9+ runtime for it.
   */
  private static final class Pids {
    private Pids() {
    }

    static long of(Process process) {
      try {
        return (Long) Process.class.getMethod("pid").invoke(process);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the local HBase needs Java 9 or later to track its process", e);
      }
    }

    private static Optional<?> handle(long pid) {
      try {
        Class<?> handles = Class.forName("java.lang.ProcessHandle");
        return (Optional<?>) handles.getMethod("of", long.class).invoke(null, pid);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the local HBase needs Java 9 or later to track its process", e);
      }
    }

    static boolean isAlive(long pid) {
      return call(pid, "isAlive");
    }

    static void destroy(long pid, boolean forcibly) {
      call(pid, forcibly ? "destroyForcibly" : "destroy");
    }

    private static boolean call(long pid, String method) {
      Optional<?> handle = handle(pid);
      if (!handle.isPresent()) {
        return false;
      }
      try {
        Object h = handle.get();
        return (Boolean) Class.forName("java.lang.ProcessHandle").getMethod(method).invoke(h);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new BadInputException("port " + port + " on 127.0.0.1 is in use; choose another ZooKeeper port with --port");
    }
  }

  private void awaitReady(Process process, int port, File log) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Configuration conf = clientConf(port);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("local HBase exited with code " + process.exitValue() + " while starting; see " + log);
      }
      try (Connection c = ConnectionFactory.createConnection(conf);
          Admin admin = c.getAdmin()) {
        // namespaces answer only once the master has finished initialising
        admin.listNamespaceDescriptors();
        if (!admin.getClusterMetrics().getLiveServerMetrics().isEmpty()
            && admin.isTableAvailable(org.apache.hadoop.hbase.TableName.META_TABLE_NAME)) {
          return;
        }
      } catch (IOException | RuntimeException notYet) {
        // master still initialising
      }
      Thread.sleep(500);
    }
    process.destroy();
    throw new IOException("local HBase did not serve requests within " + START_TIMEOUT.getSeconds() + " s; see " + log);
  }

  private Configuration clientConf(int port) {
    Configuration conf = new Configuration(false);
    clientSettings(port).forEach(conf::set);
    Configuration full = org.apache.hadoop.hbase.HBaseConfiguration.create(conf);
    HBaseCluster.boundRetries(full);
    return full;
  }

  private Map<String, String> serverSettings(int port) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("hbase.cluster.distributed", "false");
    s.put("hbase.rootdir", new File(dir, "hbase").toURI().toString());
    s.put("hbase.tmp.dir", new File(dir, "tmp").getPath());
    s.put("hbase.zookeeper.quorum", "127.0.0.1");
    s.put("hbase.zookeeper.property.clientPort", Integer.toString(port));
    s.put("hbase.zookeeper.property.dataDir", new File(dir, "zookeeper").getPath());
    s.put("hbase.master.port", "0");
    s.put("hbase.regionserver.port", "0");
    s.put("hbase.master.info.port", "-1");
    s.put("hbase.regionserver.info.port", "-1");
    s.put("hbase.master.ipc.address", "127.0.0.1");
    s.put("hbase.regionserver.ipc.address", "127.0.0.1");
    s.put("hbase.unsafe.stream.capability.enforce", "false");
    s.put("hbase.wal.provider", "filesystem");
    s.put("hbase.snapshot.enabled", "true");
    // one machine, no replication: archived WALs and store files (of dropped staging and copied tables) are deleted
    // within minutes, not kept for HBase's default ten, so that repeated upgrades of a large table do not fill the disk;
    // files a snapshot still references stay (HBase's snapshot cleaners guard them)
    s.put("hbase.master.cleaner.interval", "30000");
    s.put("hbase.master.logcleaner.ttl", "60000");
    s.put("hbase.master.hfilecleaner.ttl", "60000");
    return s;
  }

  private Map<String, String> clientSettings(int port) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("hbase.zookeeper.quorum", "127.0.0.1");
    s.put("hbase.zookeeper.property.clientPort", Integer.toString(port));
    s.put("hbase.rootdir", new File(dir, "hbase").toURI().toString());
    s.put(HBaseCluster.WORKING_DIR_KEY, new File(dir, "working").toURI().toString());
    return s;
  }

  private static void writeSite(File file, Map<String, String> settings) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
    settings.forEach((k, v) -> xml.append("  <property><name>").append(k).append("</name><value>")
        .append(escape(v)).append("</value></property>\n"));
    xml.append("</configuration>\n");
    try (OutputStream out = Files.newOutputStream(file.toPath())) {
      out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public Path directory() {
    return dir.toPath();
  }
}
