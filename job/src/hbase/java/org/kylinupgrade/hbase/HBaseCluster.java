package org.kylinupgrade.hbase;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FileSystems;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * A connection to the HBase cluster that holds Kylin's metadata, with the client retries bounded so that
 * an unreachable cluster is reported in seconds rather than after HBase's default minutes.
 */
public final class HBaseCluster implements Closeable {
  public static final String WORKING_DIR_KEY = "kylin.hdfs.working.dir";
  public static final String MAX_CELL_SIZE_KEY = "kylin.hbase.client.keyvalue.maxsize";
  public static final long DEFAULT_MAX_CELL_SIZE = 10L * 1024 * 1024;
  public static final Duration CONNECT_DEADLINE = Duration.ofSeconds(30);

  static final long ADMIN_POLL_MS = 20;

  private final Configuration conf;
  private final Connection connection;
  private final String workingDir;
  private Connection adminConnection;

  private HBaseCluster(Configuration conf, Connection connection, String workingDir) {
    this.conf = conf;
    this.connection = connection;
    this.workingDir = workingDir;
  }

  /**
   * The client configuration: HBase's defaults, then {@code hbaseSite} (or
   * {@code $HBASE_CONF_DIR/hbase-site.xml}), then the ZooKeeper override, then bounded retries.
   */
  public static Configuration configuration(String hbaseSite, String zookeeper) {
    Configuration conf = HBaseConfiguration.create();
    File site = siteFile(hbaseSite);
    if (site != null) {
      conf.addResource(new Path(site.getAbsolutePath()));
    }
    if (zookeeper != null && !zookeeper.trim().isEmpty()) {
      String[] hostPort = zookeeper.trim().split(":");
      if (hostPort.length != 2 || !hostPort[1].matches("\\d+")) {
        throw new BadInputException("--zookeeper '" + zookeeper + "' is not HOST:PORT");
      }
      conf.set(HConstants.ZOOKEEPER_QUORUM, hostPort[0]);
      conf.set(HConstants.ZOOKEEPER_CLIENT_PORT, hostPort[1]);
    }
    boundRetries(conf);
    return conf;
  }

  private static File siteFile(String hbaseSite) {
    if (hbaseSite != null && !hbaseSite.trim().isEmpty()) {
      File f = new File(hbaseSite);
      if (!f.isFile()) {
        throw new BadInputException("--hbase-site " + hbaseSite + " is not a readable file");
      }
      return f;
    }
    String confDir = System.getenv("HBASE_CONF_DIR");
    if (confDir != null && new File(confDir, "hbase-site.xml").isFile()) {
      return new File(confDir, "hbase-site.xml");
    }
    return null;
  }

  static void boundRetries(Configuration conf) {
    conf.setInt(HConstants.HBASE_CLIENT_RETRIES_NUMBER, 5);
    conf.setLong(HConstants.HBASE_CLIENT_PAUSE, 200);
    conf.setInt(HConstants.HBASE_RPC_TIMEOUT_KEY, 10_000);
    conf.setInt(HConstants.HBASE_CLIENT_OPERATION_TIMEOUT, 20_000);
    conf.setInt(HConstants.HBASE_CLIENT_META_OPERATION_TIMEOUT, 20_000);
    conf.setInt("zookeeper.recovery.retry", 1);
    conf.setInt("zookeeper.recovery.retry.intervalmill", 200);
    conf.setInt(HConstants.ZK_SESSION_TIMEOUT, 10_000);
  }

  /** Connects and proves the cluster answers (lists tables) within {@link #CONNECT_DEADLINE}. */
  public static HBaseCluster connect(Configuration conf, String workingDirOption) {
    String quorum = conf.get(HConstants.ZOOKEEPER_QUORUM) + ":" + conf.get(HConstants.ZOOKEEPER_CLIENT_PORT);
    ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hbase-connect");
      t.setDaemon(true);
      return t;
    });
    Connection connection = null;
    try {
      Future<Connection> attempt = probe.submit(() -> {
        Connection c = ConnectionFactory.createConnection(conf);
        try (Admin admin = c.getAdmin()) {
          admin.listTableNames();
        } catch (IOException | RuntimeException e) {
          c.close();
          throw e;
        }
        return c;
      });
      connection = attempt.get(CONNECT_DEADLINE.getSeconds(), TimeUnit.SECONDS);
      return new HBaseCluster(conf, connection, resolveWorkingDir(conf, workingDirOption));
    } catch (TimeoutException e) {
      throw new ClusterUnreachableException("HBase (ZooKeeper " + quorum + ") did not answer within "
          + CONNECT_DEADLINE.getSeconds() + " s; check --zookeeper / --hbase-site and that HBase is running", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterUnreachableException("interrupted while connecting to HBase (ZooKeeper " + quorum + ")", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw connectFailure(quorum, e.getCause());
    } catch (IOException e) {
      closeQuietly(connection);
      throw new ClusterUnreachableException("cannot resolve the working dir: " + e.getMessage(), e);
    } finally {
      probe.shutdownNow();
    }
  }

  /**
   * Why a connection failed: a class missing or of another version on this class path is not the cluster's fault
   * (a job jar of the wrong build, or a stripped class path), so it is not reported as an unreachable cluster.
   */
  static RuntimeException connectFailure(String quorum, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LinkageError || t instanceof ClassNotFoundException) {
        return new IllegalStateException("the HBase client on this class path is incomplete or of another version ("
            + t + "); run the build of the jobs made for this cluster's HBase (--hbase-major) with its own jar", cause);
      }
    }
    return new ClusterUnreachableException("HBase (ZooKeeper " + quorum + ") is unreachable: " + rootCause(cause)
        + "; check --zookeeper / --hbase-site and that HBase is running", cause);
  }

  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  static String resolveWorkingDir(Configuration conf, String option) throws IOException {
    String dir = option != null && !option.trim().isEmpty() ? option : conf.get(WORKING_DIR_KEY, "/kylin");
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(conf);
    return fs.makeQualified(path).toString();
  }

  public Configuration conf() {
    return conf;
  }

  Connection connection() {
    return connection;
  }

  /** Kylin's {@code kylin.hdfs.working.dir}, fully qualified. */
  public String workingDir() {
    return workingDir;
  }

  public long maxCellSize() {
    return conf.getLong(MAX_CELL_SIZE_KEY, DEFAULT_MAX_CELL_SIZE);
  }

  /** A new file system for the working dir; the caller closes it. */
  public FileSystem workingFileSystem() throws IOException {
    return FileSystems.open(URI.create(workingDir), conf);
  }

  /** The metadata table as a store; refuses a table that does not have Kylin's layout. */
  public HBaseStore openStore(MetadataUrl url) throws IOException {
    return HBaseStore.open(this, url, false);
  }

  /** The metadata table as a store, creating it with Kylin's layout when it is missing. */
  public HBaseStore openOrCreateStore(MetadataUrl url) throws IOException {
    return HBaseStore.open(this, url, true);
  }

  /** The record table {@code name} (created on first write with {@link HistoryTable#ensureExists()}). */
  public HistoryTable historyTable(String name) {
    return new HistoryTable(this, name);
  }

  /** Creates {@code table} with Kylin's metadata layout (one family {@code f}, in memory, as Kylin creates it). */
  public void createKylinTable(String table) throws IOException {
    try (Admin admin = adminConnection().getAdmin()) {
      Descriptors.createKylinTable(admin, TableName.valueOf(table));
    }
  }

  /** Kylin's ACL table of the metadata ({@code <prefix>_acl}); it may not exist. */
  public AclTable aclTable(MetadataUrl url) {
    return new AclTable(this, url.aclTable());
  }

  public TableAdmin admin() {
    return new TableAdmin(this);
  }

  public boolean tableExists(String table) throws IOException {
    try (Admin admin = connection.getAdmin()) {
      return admin.tableExists(TableName.valueOf(table));
    }
  }

  /**
   * The connection table operations (snapshot, clone, disable, drop) go through. The client waits for each of
   * them by polling the master, sleeping the client pause times a backoff (1, 2, 3, 5, 10, ...): at the
   * fail-fast pause of 200 ms a disable that takes 250 ms is seen done after 600 ms, and the swap window is
   * mostly these sleeps. This connection's pause is 20 ms, with more retries for the same patience; on HBase 2,
   * {@link TableOperations} also restarts the backoff at every question.
   */
  synchronized Connection adminConnection() throws IOException {
    if (adminConnection == null) {
      Configuration polling = new Configuration(conf);
      polling.setLong(HConstants.HBASE_CLIENT_PAUSE, ADMIN_POLL_MS);
      polling.setInt(HConstants.HBASE_CLIENT_RETRIES_NUMBER, 10);
      adminConnection = ConnectionFactory.createConnection(polling);
    }
    return adminConnection;
  }

  @Override
  public synchronized void close() throws IOException {
    closeQuietly(adminConnection);
    connection.close();
  }
}
