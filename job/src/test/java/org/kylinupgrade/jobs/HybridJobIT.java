package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.AclTable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hybrid.ExtendCubeToHybrid;
import org.kylinupgrade.hybrid.HybridIds;
import org.kylinupgrade.hybrid.HybridInput;
import org.kylinupgrade.hybrid.HybridPlan;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.metadata.AclCell;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import picocli.CommandLine;

/**
 * {@code hybrid} on a real HBase table holding Kylin's own v2 upgrade of the 1.3.0 test metadata, with an ACL table:
 * the result, validate before and after, all or nothing on failure, refusals, rollback.
 */
class HybridJobIT {
  private static final AtomicLong TABLES = new AtomicLong();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUBE = "test_kylin_cube_with_slr_ready_2_segments";
  private static final String CUBE_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c53c";
  private static final String PROJECT_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c91b";
  private static final long NOW = 1800000000000L;

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private String prefix;
  private String working;

  /** Fixed uuids in the order asked for, and a fixed clock. */
  private static final class FixedIds implements HybridIds {
    private int next;

    @Override
    public String newUuid() {
      return "00000000-0000-0000-0000-00000000000" + next++;
    }

    @Override
    public long now() {
      return NOW;
    }
  }

  @BeforeAll
  static void spark() {
    SharedSpark.context();
  }

  @AfterEach
  void clearFailurePoints() {
    System.clearProperty(FailurePoints.FAIL_AFTER);
  }

  private int run(Object job, String... args) {
    CommandLine cli = JobCommandLine.create(job);
    cli.setErr(new PrintWriter(errBytes, true));
    String[] base = {"--hbase-site", SharedHBase.hbaseSite(), "--metadata-url", prefix + "@hbase", "--working-dir", working};
    String[] all = new String[base.length + args.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(args, 0, all, base.length, args.length);
    return cli.execute(all);
  }

  private static HybridJob hybridJob() {
    HybridJob job = new HybridJob();
    job.ids = new FixedIds();
    return job;
  }

  private HBaseCluster connect() {
    return SharedHBase.connect(working, HBaseCluster.DEFAULT_MAX_CELL_SIZE);
  }

  /** The upgraded metadata in a new table, and Kylin's ACL row for the cube in a new {@code <prefix>_acl}. */
  private List<AclCell> loadUpgradedMetadataWithAcl() throws IOException {
    prefix = "hybrid_it_" + TABLES.incrementAndGet();
    working = SharedHBase.newWorkingDir();
    assertEquals(ExitCodes.OK, run(new LoadJob(), "--from-folder", TestData.expected("kylin-1.3.0-localmeta").toString()),
        errBytes.toString());
    List<AclCell> row = List.of(
        cell("a", "ADMIN", "{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}"),
        cell("a", "ROLE_ANALYST", "{\"sidInfo\":{\"sid\":\"ROLE_ANALYST\",\"principal\":false},\"permissionMask\":1}"),
        new AclCell("i", "i", new byte[] {-1}),
        cell("i", "o", "{\"sid\":\"ADMIN\",\"principal\":true}"),
        cell("i", "p", "{\"id\":\"another-project\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}"),
        cell("i", "t", "org.apache.kylin.cube.CubeInstance"));
    try (HBaseCluster hbase = connect(); Admin admin = hbase.connection().getAdmin()) {
      admin.createTable(TableDescriptorBuilder.newBuilder(TableName.valueOf(prefix + "_acl"))
          .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder("i".getBytes()).setInMemory(true).build())
          .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder("a".getBytes()).setInMemory(true).build()).build());
      hbase.aclTable(url()).put(CUBE_UUID, row);
    }
    return row;
  }

  private MetadataUrl url() {
    return MetadataUrl.parse(prefix + "@hbase");
  }

  private static AclCell cell(String family, String qualifier, String value) {
    return new AclCell(family, qualifier, value.getBytes(StandardCharsets.UTF_8));
  }

  private List<AclCell> aclRow(String id) throws IOException {
    try (HBaseCluster hbase = connect()) {
      AclTable acl = hbase.aclTable(url());
      return acl.row(id);
    }
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, run(new DumpJob(), "--to-folder", out.toString()), errBytes.toString());
    return out;
  }

  private Set<String> validate(String name) throws IOException {
    Path report = tmp.resolve(name + ".json");
    int code = run(new ValidateJob(), "--to", "1.4-alpha", "--report", report.toString());
    assertTrue(code == ExitCodes.OK || code == ExitCodes.PROBLEMS, errBytes.toString());
    Set<String> findings = new HashSet<>();
    for (JsonNode p : JSON.readTree(report.toFile()).get("problems")) {
      findings.add(p.get("kind").asText() + " " + p.get("path").asText() + " " + p.get("message").asText());
    }
    return findings;
  }

  private static Map<String, Resource> read(Path folder) throws IOException {
    Map<String, Resource> resources = new TreeMap<>();
    for (String file : FolderAssertions.files(folder)) {
      resources.put("/" + file, new Resource("/" + file, Files.readAllBytes(folder.resolve(file)), 0L));
    }
    return resources;
  }

  private List<Run> history() throws IOException {
    try (HBaseCluster hbase = connect()) {
      return new RunJournal(hbase.historyTable(prefix + "_upgrade_history")).history();
    }
  }

  @Test
  void extendsTheCubeExactlyAsPlannedCopiesItsAclAndValidateFindsNothingNew() throws IOException {
    List<AclCell> acl = loadUpgradedMetadataWithAcl();
    Set<String> findingsBefore = validate("before");
    Path before = dump("before");
    Path report = tmp.resolve("hybrid.json");

    assertEquals(ExitCodes.OK, run(hybridJob(), "--project", "default", "--cube", CUBE, "--report", report.toString()),
        errBytes.toString());

    Path after = dump("after");
    Map<String, Resource> beforeResources = read(before);
    HybridPlan plan = ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(beforeResources.values())), "default",
        CUBE, null, new FixedIds());
    Map<String, Resource> expected = new TreeMap<>(beforeResources);
    plan.writes().forEach(w -> expected.put(w.after().path(), w.after()));
    Map<String, Resource> actual = read(after);
    assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) {
      assertArrayEquals(expected.get(path).content(), actual.get(path).content(), path);
    }
    for (HybridPlan.Write write : plan.writes()) {
      assertEquals(NOW, Files.getLastModifiedTime(after.resolve(write.after().path().substring(1))).toMillis(),
          "store timestamp of " + write.after().path());
    }
    assertEquals(6, plan.writes().size());

    List<AclCell> copy = aclRow("00000000-0000-0000-0000-000000000000");
    assertEquals(acl.size(), copy.size());
    for (int i = 0; i < acl.size(); i++) {
      AclCell expectedCell = acl.get(i).is("i", "p")
          ? cell("i", "p", "{\"id\":\"" + PROJECT_UUID + "\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}")
          : acl.get(i);
      assertEquals(expectedCell, copy.get(i));
    }
    assertEquals(acl, aclRow(CUBE_UUID), "the cube keeps its own entries");

    assertEquals(findingsBefore, validate("after"));
    JsonNode r = JSON.readTree(report.toFile());
    assertEquals("done", r.get("status").asText());
    assertEquals(6, r.get("acl").get("cellsCopied").asInt());
    Run run = history().get(history().size() - 1);
    assertEquals("hybrid", run.command());
    assertEquals(Run.Status.DONE, run.status());

    // undone by a rollback to its backup snapshot, ACL copy included
    assertEquals(ExitCodes.OK, run(new RollbackJob(), "--snapshot", run.get("backup_snapshot")), errBytes.toString());
    FolderAssertions.assertSameFolder(before, dump("rolled-back"), true);
    assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void aFailureAfterEveryWriteLeavesMetadataAndAclAsTheyWere() throws IOException {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    for (String point : List.of(LiveHybrid.WRITTEN, LiveHybrid.ACL_COPIED)) {
      System.setProperty(FailurePoints.FAIL_AFTER, point);
      assertEquals(ExitCodes.FAILED, run(hybridJob(), "--project", "default", "--cube", CUBE), errBytes.toString());
      System.clearProperty(FailurePoints.FAIL_AFTER);
      assertTrue(errBytes.toString().contains("put back as they were"), errBytes.toString());
      FolderAssertions.assertSameFolder(before, dump("after-" + point), true);
      assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"), point);
      assertEquals(Run.Status.ROLLED_BACK, history().get(history().size() - 1).status());
    }
    assertEquals(ExitCodes.OK, run(hybridJob(), "--project", "default", "--cube", CUBE), "the lock was released");
  }

  @Test
  void badInputIsRefusedWithExit2AndChangesNothing() throws IOException {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    assertEquals(ExitCodes.BAD_INPUT, run(hybridJob(), "--project", "default", "--cube", "test_kylin_cube_without_slr_ready"));
    assertTrue(errBytes.toString().contains("cannot be loaded by Kylin v2: bad data type -- bitmap"), errBytes.toString());
    assertEquals(ExitCodes.BAD_INPUT, run(hybridJob(), "--project", "nope", "--cube", CUBE));
    assertEquals(ExitCodes.BAD_INPUT, run(hybridJob(), "--project", "default", "--cube", CUBE,
        "--partition-date", "2013-11-12"));
    assertEquals(ExitCodes.BAD_INPUT, run(hybridJob(), "--project", "default", "--cube", "test_kylin_cube_with_slr_empty"));
    FolderAssertions.assertSameFolder(before, dump("untouched"), true);
    try (HBaseCluster hbase = connect()) {
      assertEquals(List.of(), hbase.admin().snapshots(prefix), "no snapshot taken");
    }
    assertTrue(history().stream().allMatch(r -> r.status() == Run.Status.ABORTED));
    assertFalse(errBytes.toString().contains("failed:"), errBytes.toString());
  }

  /** A real crash: hybrid runs in a child JVM that halts right after {@code point}. */
  private int hybridInChildJvmHaltingAfter(String point) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(org.kylinupgrade.runtime.JvmFlags.jdk17());
    command.add("-D" + FailurePoints.HALT_AFTER + "=" + point);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HybridJob.class.getName());
    command.addAll(List.of("--hbase-site", SharedHBase.hbaseSite(), "--metadata-url", prefix + "@hbase",
        "--working-dir", working, "--project", "default", "--cube", CUBE));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child-" + point + ".log").toFile()).start();
    assertTrue(child.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "child finished");
    return child.exitValue();
  }

  @Test
  void aKilledRunIsUndoneByRollbackNotResumed() throws Exception {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    assertEquals(99, hybridInChildJvmHaltingAfter(LiveHybrid.ACL_COPIED), "the child halted");
    Run killed = history().get(history().size() - 1);
    assertTrue(killed.unfinished());
    assertFalse(aclRow(killed.get("acl_copy_row")).isEmpty(), "the ACL row was copied");

    assertEquals(ExitCodes.NEEDS_OPERATOR, run(hybridJob(), "--project", "default", "--cube", CUBE));
    assertEquals(ExitCodes.NEEDS_OPERATOR, run(new ResumeJob()));
    assertTrue(errBytes.toString().contains("cannot be resumed"), errBytes.toString());
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
    FolderAssertions.assertSameFolder(before, dump("rolled-back"), true);
    assertEquals(List.of(), aclRow(killed.get("acl_copy_row")));
    assertEquals(ExitCodes.OK, run(hybridJob(), "--project", "default", "--cube", CUBE), errBytes.toString());
  }
}
