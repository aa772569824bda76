package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.FileSystems;
import org.kylinupgrade.metadata.MetadataUrl;

/** Kylin's upload rules for the coprocessor jar, with the content checksum deciding reuse. */
class CoprocessorJarsTest {
  private Path workingDir;
  private Path folder;
  private FileSystem fs;
  private CoprocessorJars jars;

  @BeforeEach
  void setUp() throws IOException {
    workingDir = Files.createTempDirectory("kylin-working");
    folder = workingDir.resolve("kylin_metadata/coprocessor");
    fs = FileSystems.open(URI.create("file:///"), new Configuration());
    jars = new CoprocessorJars(fs, workingDir.toUri().toString(), MetadataUrl.parse("kylin_metadata@hbase"));
  }

  @AfterEach
  void tearDown() throws IOException {
    fs.close();
  }

  private File localJar(String name, String content) throws IOException {
    Path jar = Files.createTempDirectory("local").resolve(name);
    Files.writeString(jar, content);
    jar.toFile().setLastModified(1_600_000_000_000L);
    return jar.toFile();
  }

  @Test
  void theFirstUploadIsNameZeroWithTheLocalMtime() throws IOException {
    File local = localJar("kylin-coprocessor-1.4.jar", "jar bytes");
    CoprocessorJars.Deployed deployed = jars.upload(local, List.of());
    assertFalse(deployed.reused());
    assertEquals(folder.resolve("kylin-coprocessor-1.4-0.jar").toUri().getPath(), URI.create(deployed.path()).getPath());
    assertTrue(deployed.path().startsWith("file:"), "fully qualified: " + deployed.path());
    assertEquals("jar bytes", Files.readString(folder.resolve("kylin-coprocessor-1.4-0.jar")));
    assertEquals(1_600_000_000_000L, Files.getLastModifiedTime(folder.resolve("kylin-coprocessor-1.4-0.jar")).toMillis());
    try (var listing = Files.list(folder)) {
      assertEquals(1, listing.count(), "no partial file left");
    }
  }

  @Test
  void anEqualJarIsReusedWhateverItsNameOrMtime() throws IOException {
    File local = localJar("kylin-coprocessor-1.4.jar", "jar bytes");
    String first = jars.upload(local, List.of()).path();
    File sameContent = localJar("other-name.jar", "jar bytes");
    CoprocessorJars.Deployed again = jars.upload(sameContent, List.of());
    assertTrue(again.reused());
    assertEquals(first, again.path());
    assertEquals(again, jars.plan(sameContent, List.of()));
  }

  @Test
  void aJarOfTheSameSizeButOtherContentIsNotReused() throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("kylin-coprocessor-1.4-0.jar"), "jar bytez");
    File local = localJar("kylin-coprocessor-1.4.jar", "jar bytes");
    CoprocessorJars.Deployed deployed = jars.upload(local, List.of());
    assertFalse(deployed.reused());
    assertTrue(deployed.path().endsWith("/kylin-coprocessor-1.4-1.jar"), deployed.path());
    assertEquals("jar bytez", Files.readString(folder.resolve("kylin-coprocessor-1.4-0.jar")), "old jars are never touched");
  }

  @Test
  void aNameThatATableReferencesIsNotTaken() throws IOException {
    File local = localJar("kylin-coprocessor-1.4.jar", "jar bytes");
    List<String> inUse = List.of("hdfs://elsewhere/kylin/kylin_metadata/coprocessor/kylin-coprocessor-1.4-0.jar");
    CoprocessorJars.Deployed planned = jars.plan(local, inUse);
    assertTrue(planned.path().endsWith("/kylin-coprocessor-1.4-1.jar"), planned.path());
    assertFalse(Files.exists(folder), "a plan writes nothing");
    assertEquals(planned, jars.upload(local, inUse));
  }

  @Test
  void theFolderFollowsTheMetadataUrlPrefix() {
    CoprocessorJars other = new CoprocessorJars(fs, workingDir.toUri().toString(), MetadataUrl.parse("kylin_test@hbase"));
    assertTrue(other.folder().toString().endsWith("/kylin_test/coprocessor"), other.folder().toString());
  }
}
