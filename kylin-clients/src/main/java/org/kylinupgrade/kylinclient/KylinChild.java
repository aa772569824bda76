package org.kylinupgrade.kylinclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.apache.kylin.common.KylinConfig;
import org.apache.kylin.common.persistence.ResourceStore;
import org.apache.kylin.cube.CubeDescManager;
import org.apache.kylin.cube.CubeInstance;
import org.apache.kylin.cube.CubeManager;
import org.apache.kylin.cube.cuboid.CuboidScheduler;
import org.apache.kylin.cube.model.CubeDesc;
import org.apache.kylin.cube.model.RowKeyColDesc;
import org.apache.kylin.metadata.MetadataManager;
import org.apache.kylin.metadata.model.DataModelDesc;
import org.apache.kylin.metadata.model.TableDesc;
import org.apache.kylin.metadata.project.ProjectInstance;
import org.apache.kylin.metadata.project.ProjectManager;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.PropertyConfigurator;
import org.apache.log4j.spi.LoggingEvent;

/**
 * A released Kylin (whichever version is on the class path) as a client of a metadata folder. Runs in its own
 * JVM, with Kylin's own libraries. Never touches the folder it is given: it works on a copy.
 *
 * <pre>
 * load &lt;folder&gt;                 Kylin's managers load the folder; one TSV row per resource on stdout
 * upgrade151 &lt;folder&gt; &lt;out&gt;     CubeMetadataUpgradeEntry_v_1_5_1 on a copy of folder; its workspace becomes out
 * hybrid &lt;folder&gt; &lt;out&gt; &lt;project&gt; &lt;cube&gt; [&lt;partition date&gt;]
 *                               ExtendCubeToHybridCLI.createFromCube on a copy of folder, which becomes out
 * hybrids &lt;folder&gt;              HybridManager loads the folder's hybrids; one row per hybrid
 * </pre>
 * The last two need Kylin's storage jars ({@code kylin-storage-hbase}, {@code kylin-core-storage}) on the class path
 * and are reached by reflection, so that the program compiles against any Kylin version.
 *
 * Output rows (tab separated, tabs and line breaks in values escaped as \t, \n, backslash as \\):
 * <pre>
 * kylin     version
 * manager   name  ok|failed  message
 * table     path  name  loaded|failed  message
 * model     path  name  loaded|failed  message
 * desc      path  name  loaded|broken|failed  signatureOk  engineType  storageType  cuboidCount  cuboidIds  rowkey  message
 * cube      path  name  descName  loaded|failed  descFound  status  segments  message
 * project   path  name  loaded|failed  realizations  message
 * upgrade   ok|errors|threw  millis  errorCount
 * error     message                     (upgrade and hybrid: every ERROR Kylin logged)
 * extend    ok|errors|threw  millis  errorCount  thrown
 * hybrid    path  name  loaded|failed  entries  realizations  message
 *           (entries: TYPE:name=found|missing, comma separated; realizations: what HybridInstance.getRealizations()
 *           keeps, comma separated)
 * </pre>
 * Kylin's log goes to stderr. The exit status is 0 when the program ran to the end, whatever Kylin reported.
 */
public final class KylinChild {
  private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
      true, StandardCharsets.UTF_8);
  private static final List<String> LOGGED_ERRORS = Collections.synchronizedList(new ArrayList<>());

  private KylinChild() {
  }

  public static void main(String[] args) throws Exception {
    // whatever Kylin prints on stdout must not mix with the rows
    System.setOut(System.err);
    configureLogging();
    int status;
    try {
      if (args.length == 2 && args[0].equals("load")) {
        load(Paths.get(args[1]).toAbsolutePath().normalize());
        status = 0;
      } else if (args.length == 3 && args[0].equals("upgrade151")) {
        upgrade151(Paths.get(args[1]).toAbsolutePath().normalize(), Paths.get(args[2]).toAbsolutePath().normalize());
        status = 0;
      } else if ((args.length == 5 || args.length == 6) && args[0].equals("hybrid")) {
        hybrid(Paths.get(args[1]).toAbsolutePath().normalize(), Paths.get(args[2]).toAbsolutePath().normalize(),
            args[3], args[4], args.length == 6 ? args[5] : null);
        status = 0;
      } else if (args.length == 2 && args[0].equals("hybrids")) {
        hybrids(Paths.get(args[1]).toAbsolutePath().normalize());
        status = 0;
      } else {
        System.err.println("usage: load <folder> | upgrade151 <folder> <out> | hybrid <folder> <out> <project> <cube> "
            + "[<partition date>] | hybrids <folder>");
        status = 2;
      }
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    OUT.flush();
    // Kylin may leave non-daemon threads behind
    System.exit(status);
  }

  private static void configureLogging() {
    Properties p = new Properties();
    p.setProperty("log4j.rootLogger", System.getProperty("kylin.child.log", "INFO") + ",stderr,errors");
    p.setProperty("log4j.appender.stderr", "org.apache.log4j.ConsoleAppender");
    p.setProperty("log4j.appender.stderr.target", "System.err");
    p.setProperty("log4j.appender.stderr.layout", "org.apache.log4j.PatternLayout");
    p.setProperty("log4j.appender.stderr.layout.ConversionPattern", "%d{ISO8601} %-5p [%t %c{1}:%L]: %m%n");
    p.setProperty("log4j.appender.errors", ErrorCollector.class.getName());
    PropertyConfigurator.configure(p);
  }

  /** Keeps the message of every ERROR event, with its exception's message. */
  public static final class ErrorCollector extends AppenderSkeleton {
    @Override
    protected void append(LoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
        String message = String.valueOf(event.getMessage());
        if (event.getThrowableInformation() != null && event.getThrowableInformation().getThrowable() != null) {
          message += ": " + describe(event.getThrowableInformation().getThrowable());
        }
        LOGGED_ERRORS.add(message);
      }
    }

    @Override
    public void close() {
    }

    @Override
    public boolean requiresLayout() {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // load

  private static void load(Path folder) throws IOException {
    requireFolder(folder);
    Path work = Files.createTempDirectory("kylin-child-");
    try {
      Path meta = work.resolve("meta");
      copyTree(folder, meta);
      writeEnvConfig(work.resolve("conf"), meta);
      KylinConfig config = KylinConfig.getInstanceFromEnv();
      row("kylin", kylinVersion());

      ResourceStore store = ResourceStore.getStore(config);
      MetadataManager metadata = manager("MetadataManager", () -> MetadataManager.getInstance(config));
      CubeDescManager descs = manager("CubeDescManager", () -> CubeDescManager.getInstance(config));
      CubeManager cubes = manager("CubeManager", () -> CubeManager.getInstance(config));
      ProjectManager projects = manager("ProjectManager", () -> ProjectManager.getInstance(config));

      tables(store, metadata);
      models(store, metadata);
      descs(store, config, metadata, descs);
      cubes(store, descs, cubes);
      projects(store, projects);
    } finally {
      deleteTree(work);
    }
  }

  private interface Factory<T> {
    T get() throws Exception;
  }

  private static <T> T manager(String name, Factory<T> factory) {
    try {
      T manager = factory.get();
      row("manager", name, "ok", "");
      return manager;
    } catch (Throwable e) {
      row("manager", name, "failed", describe(e));
      return null;
    }
  }

  private static void tables(ResourceStore store, MetadataManager metadata) throws IOException {
    Map<String, TableDesc> loaded = new HashMap<>();
    if (metadata != null) {
      for (TableDesc table : metadata.listAllTables()) {
        loaded.put(table.getResourcePath(), table);
      }
    }
    for (String path : paths(store, ResourceStore.TABLE_RESOURCE_ROOT)) {
      TableDesc table = loaded.get(path);
      if (table != null) {
        row("table", path, table.getIdentity(), "loaded", "");
      } else {
        row("table", path, nameOf(path), "failed", replay(() -> store.getResource(path, TableDesc.class,
            MetadataManager.TABLE_SERIALIZER)));
      }
    }
  }

  private static void models(ResourceStore store, MetadataManager metadata) throws IOException {
    Map<String, DataModelDesc> loaded = new HashMap<>();
    if (metadata != null) {
      for (DataModelDesc model : metadata.getModels()) {
        loaded.put(model.getResourcePath(), model);
      }
    }
    for (String path : paths(store, ResourceStore.DATA_MODEL_DESC_RESOURCE_ROOT)) {
      DataModelDesc model = loaded.get(path);
      if (model != null) {
        row("model", path, model.getName(), "loaded", "");
      } else {
        row("model", path, nameOf(path), "failed", replay(() -> {
          DataModelDesc m = store.getResource(path, DataModelDesc.class, MetadataManager.MODELDESC_SERIALIZER);
          if (m != null && metadata != null) {
            m.init(metadata.getConfig(), metadata.getAllTablesMap());
          }
          return m;
        }));
      }
    }
  }

  private static void descs(ResourceStore store, KylinConfig config, MetadataManager metadata,
      CubeDescManager manager) throws IOException {
    Map<String, CubeDesc> loaded = new HashMap<>();
    if (manager != null) {
      for (CubeDesc desc : manager.listAllDesc()) {
        loaded.put(desc.getResourcePath(), desc);
      }
    }
    for (String path : paths(store, ResourceStore.CUBE_DESC_RESOURCE_ROOT)) {
      CubeDesc desc = loaded.get(path);
      if (desc == null) {
        row("desc", path, nameOf(path), "failed", "", "", "", "", "", "", replay(() -> {
          CubeDesc d = store.getResource(path, CubeDesc.class, CubeDescManager.CUBE_DESC_SERIALIZER);
          if (d != null) {
            initDesc(d, config, metadata);
            if (!d.getError().isEmpty()) {
              throw new IllegalStateException("Cube desc at " + path + " has issues: " + d.getError());
            }
          }
          return d;
        }));
        continue;
      }
      // Kylin 1.6 keeps a desc whose init failed, with its errors
      boolean broken = !desc.getError().isEmpty();
      String signature = String.valueOf(desc.checkSignature());
      String count = "";
      String ids = "";
      String message = broken ? String.join("; ", desc.getError()) : "";
      try {
        List<Long> cuboids = new ArrayList<>(new CuboidScheduler(desc).getAllCuboidIds());
        Collections.sort(cuboids);
        StringJoiner joined = new StringJoiner(",");
        for (Long id : cuboids) {
          joined.add(Long.toString(id));
        }
        count = Integer.toString(cuboids.size());
        ids = joined.toString();
      } catch (Throwable e) {
        message = (message.isEmpty() ? "" : message + "; ") + "CuboidScheduler: " + describe(e);
      }
      StringJoiner rowkey = new StringJoiner(",");
      if (desc.getRowkey() != null && desc.getRowkey().getRowKeyColumns() != null) {
        for (RowKeyColDesc column : desc.getRowkey().getRowKeyColumns()) {
          rowkey.add(column.getColumn());
        }
      }
      row("desc", path, desc.getName(), broken ? "broken" : "loaded", signature,
          Integer.toString(desc.getEngineType()), Integer.toString(desc.getStorageType()), count, ids,
          rowkey.toString(), message);
    }
  }

  /** {@code CubeDesc.init} as the version on the class path declares it (1.5: with the tables; 1.6: without). */
  private static void initDesc(CubeDesc desc, KylinConfig config, MetadataManager metadata) throws Exception {
    Method init;
    Object[] args;
    try {
      init = CubeDesc.class.getMethod("init", KylinConfig.class, Map.class);
      args = new Object[] {config, metadata == null ? Collections.emptyMap() : metadata.getAllTablesMap()};
    } catch (NoSuchMethodException e) {
      init = CubeDesc.class.getMethod("init", KylinConfig.class);
      args = new Object[] {config};
    }
    try {
      init.invoke(desc, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  private static void cubes(ResourceStore store, CubeDescManager descs, CubeManager manager) throws IOException {
    Map<String, CubeInstance> loaded = new HashMap<>();
    if (manager != null) {
      for (CubeInstance cube : manager.listAllCubes()) {
        loaded.put(cube.getResourcePath(), cube);
      }
    }
    for (String path : paths(store, ResourceStore.CUBE_RESOURCE_ROOT)) {
      CubeInstance cube = loaded.get(path);
      if (cube != null) {
        CubeDesc desc = cube.getDescriptor();
        boolean found = desc != null && desc.getError().isEmpty();
        row("cube", path, cube.getName(), cube.getDescName(), "loaded", String.valueOf(found),
            String.valueOf(cube.getStatus()), Integer.toString(cube.getSegments().size()),
            found ? "" : desc == null ? "desc not found" : "desc broken: " + String.join("; ", desc.getError()));
        continue;
      }
      CubeInstance raw = null;
      String message;
      try {
        raw = store.getResource(path, CubeInstance.class, CubeManager.CUBE_SERIALIZER);
        message = raw == null ? "no cube at " + path
            : descs == null || descs.getCubeDesc(raw.getDescName()) == null
                ? "CubeInstance desc not found '" + raw.getDescName() + "'"
                : "not loaded by CubeManager (see the log)";
      } catch (Throwable e) {
        message = describe(e);
      }
      row("cube", path, raw == null ? nameOf(path) : raw.getName(), raw == null ? "" : raw.getDescName(), "failed",
          String.valueOf(raw != null && descs != null && descs.getCubeDesc(raw.getDescName()) != null),
          raw == null ? "" : String.valueOf(raw.getStatus()),
          raw == null || raw.getSegments() == null ? "" : Integer.toString(raw.getSegments().size()), message);
    }
  }

  private static void projects(ResourceStore store, ProjectManager manager) throws IOException {
    Map<String, ProjectInstance> loaded = new HashMap<>();
    if (manager != null) {
      for (ProjectInstance project : manager.listAllProjects()) {
        loaded.put(project.getResourcePath(), project);
      }
    }
    for (String path : paths(store, ResourceStore.PROJECT_RESOURCE_ROOT)) {
      ProjectInstance project = loaded.get(path);
      if (project != null) {
        row("project", path, project.getName(), "loaded", Integer.toString(project.getRealizationEntries().size()), "");
      } else {
        row("project", path, nameOf(path), "failed", "", replay(() -> store.getResource(path, ProjectInstance.class,
            ProjectManager.PROJECT_SERIALIZER)));
      }
    }
  }

  /** Redoes a load step by step to find why the manager left a resource out. */
  private static String replay(Factory<Object> steps) {
    try {
      Object result = steps.get();
      return result == null ? "not found" : "not loaded by the manager (see the log)";
    } catch (Throwable e) {
      return describe(e);
    }
  }

  private static List<String> paths(ResourceStore store, String root) throws IOException {
    List<String> paths = store.collectResourceRecursively(root, ".json");
    List<String> sorted = paths == null ? new ArrayList<>() : new ArrayList<>(paths);
    Collections.sort(sorted);
    return sorted;
  }

  // ---------------------------------------------------------------------------------------------------------
  // upgrade

  private static void upgrade151(Path folder, Path out) throws Exception {
    requireFolder(folder);
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (!Files.isDirectory(out) || entries.findAny().isPresent()) {
          throw new IllegalArgumentException("output exists and is not an empty folder: " + out);
        }
      }
      Files.delete(out);
    }
    Files.createDirectories(out.getParent());
    // next to the output, so that the workspace moves there by a rename
    Path work = Files.createTempDirectory(out.getParent(), ".kylin-child-");
    try {
      Path input = work.resolve(folder.getFileName().toString());
      copyTree(folder, input);
      Path conf = work.resolve("conf");
      Path workspace = work.resolve(input.getFileName() + "_workspace");
      // the upgrade makes its own configuration for the workspace; Kylin's code reads this one as well
      writeEnvConfig(conf, workspace);
      row("kylin", kylinVersion());

      LOGGED_ERRORS.clear();
      long start = System.nanoTime();
      String outcome;
      try {
        Class.forName("org.apache.kylin.cube.upgrade.entry.CubeMetadataUpgradeEntry_v_1_5_1")
            .getMethod("main", String[].class).invoke(null, (Object) new String[] {input.toString()});
        outcome = LOGGED_ERRORS.isEmpty() ? "ok" : "errors";
      } catch (InvocationTargetException e) {
        e.getCause().printStackTrace();
        LOGGED_ERRORS.add(describe(e.getCause()));
        outcome = "threw";
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (Files.isDirectory(workspace)) {
        Files.move(workspace, out);
      }
      row("upgrade", outcome, Long.toString(millis), Integer.toString(LOGGED_ERRORS.size()));
      synchronized (LOGGED_ERRORS) {
        for (String error : LOGGED_ERRORS) {
          row("error", error);
        }
      }
    } finally {
      deleteTree(work);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // hybrid

  /**
   * Kylin's {@code ExtendCubeToHybridCLI.createFromCube} (not its {@code main}, which swallows every exception) on a
   * copy of the folder, with the folder store; the copy, as the tool left it, becomes {@code out}. The tool ends by
   * copying ACL entries in HBase: without HBase on the class path that step throws, after every metadata write.
   */
  private static void hybrid(Path folder, Path out, String project, String cube, String partitionDate)
      throws Exception {
    requireFolder(folder);
    if (Files.exists(out)) {
      throw new IllegalArgumentException("output exists: " + out);
    }
    Files.createDirectories(out.getParent());
    Path work = Files.createTempDirectory(out.getParent(), ".kylin-child-");
    try {
      Path meta = work.resolve("meta");
      copyTree(folder, meta);
      writeEnvConfig(work.resolve("conf"), meta);
      row("kylin", kylinVersion());
      LOGGED_ERRORS.clear();
      long start = System.nanoTime();
      String outcome;
      String thrown = "";
      try {
        Class<?> tool = Class.forName("org.apache.kylin.storage.hbase.util.ExtendCubeToHybridCLI");
        Object instance = tool.getConstructor().newInstance();
        tool.getMethod("createFromCube", String.class, String.class, String.class).invoke(instance, project, cube,
            partitionDate);
        outcome = LOGGED_ERRORS.isEmpty() ? "ok" : "errors";
      } catch (InvocationTargetException e) {
        e.getCause().printStackTrace();
        thrown = describe(e.getCause());
        outcome = "threw";
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      Files.move(meta, out);
      row("extend", outcome, Long.toString(millis), Integer.toString(LOGGED_ERRORS.size()), thrown);
      synchronized (LOGGED_ERRORS) {
        for (String error : LOGGED_ERRORS) {
          row("error", error);
        }
      }
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Kylin's {@code HybridManager} on a copy of the folder: each hybrid file, whether the manager has it, whether the
   * realization registry finds each of its entries, and the realizations {@code HybridInstance} keeps (found and
   * ready).
   */
  private static void hybrids(Path folder) throws Exception {
    requireFolder(folder);
    Path work = Files.createTempDirectory("kylin-child-");
    try {
      Path meta = work.resolve("meta");
      copyTree(folder, meta);
      writeEnvConfig(work.resolve("conf"), meta);
      KylinConfig config = KylinConfig.getInstanceFromEnv();
      row("kylin", kylinVersion());
      ResourceStore store = ResourceStore.getStore(config);
      Class<?> managerClass = Class.forName("org.apache.kylin.storage.hybrid.HybridManager");
      Object manager = manager("HybridManager", () -> managerClass.getMethod("getInstance", KylinConfig.class)
          .invoke(null, config));
      Object registry = Class.forName("org.apache.kylin.metadata.realization.RealizationRegistry")
          .getMethod("getInstance", KylinConfig.class).invoke(null, config);
      Class<?> typeClass = Class.forName("org.apache.kylin.metadata.realization.RealizationType");
      Method getRealization = registry.getClass().getMethod("getRealization", typeClass, String.class);
      for (String path : paths(store, "/hybrid")) {
        String name = nameOf(path);
        Object hybrid = manager == null ? null
            : managerClass.getMethod("getHybridInstance", String.class).invoke(manager, name);
        if (hybrid == null) {
          row("hybrid", path, name, "failed", "", "", "not in HybridManager (see the log)");
          continue;
        }
        StringJoiner entries = new StringJoiner(",");
        for (Object entry : (List<?>) hybrid.getClass().getMethod("getRealizationEntries").invoke(hybrid)) {
          Object type = entry.getClass().getMethod("getType").invoke(entry);
          String realization = (String) entry.getClass().getMethod("getRealization").invoke(entry);
          Object found = getRealization.invoke(registry, type, realization);
          entries.add(type + ":" + realization + "=" + (found == null ? "missing" : "found"));
        }
        StringJoiner kept = new StringJoiner(",");
        String message = "";
        try {
          Object[] realizations = (Object[]) hybrid.getClass().getMethod("getRealizations").invoke(hybrid);
          for (Object realization : realizations) {
            kept.add((String) realization.getClass().getMethod("getName").invoke(realization));
          }
        } catch (InvocationTargetException e) {
          message = "getRealizations: " + describe(e.getCause());
        }
        row("hybrid", path, (String) hybrid.getClass().getMethod("getName").invoke(hybrid), "loaded",
            entries.toString(), kept.toString(), message);
      }
    } finally {
      deleteTree(work);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // helpers

  /**
   * Kylin's environment configuration: a {@code kylin.properties} in {@code conf} (Kylin reads it through the
   * KYLIN_CONF system property) with the metadata folder as {@code kylin.metadata.url}.
   */
  private static void writeEnvConfig(Path conf, Path metadata) throws IOException {
    Files.createDirectories(conf);
    Properties props = new Properties();
    props.setProperty("kylin.metadata.url", metadata.toString());
    try (OutputStream os = Files.newOutputStream(conf.resolve("kylin.properties"))) {
      props.store(os, null);
    }
    System.setProperty("KYLIN_CONF", conf.toString());
  }

  private static String kylinVersion() throws IOException {
    try (InputStream in = CubeDesc.class.getResourceAsStream(
        "/META-INF/maven/org.apache.kylin/kylin-core-cube/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    }
  }

  private static void requireFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a folder: " + folder);
    }
  }

  private static String nameOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(e.toString());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && cause != e && depth < 5; depth++, cause = cause.getCause()) {
      s.append(" <- ").append(cause);
    }
    return s.toString();
  }

  private static void row(String... fields) {
    StringJoiner line = new StringJoiner("\t");
    for (String field : fields) {
      line.add(escape(field == null ? "" : field));
    }
    OUT.println(line);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }

  /** Copies a folder with the files' times, as Kylin's own copy of its input does. */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
