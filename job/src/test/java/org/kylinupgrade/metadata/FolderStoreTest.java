package org.kylinupgrade.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStoreTest {
  @TempDir
  Path tmp;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void everyRegularFileIsAResourceDotfilesIncludedWithItsMtime() throws IOException {
    write(tmp.resolve("cube/a.json"), "{}");
    write(tmp.resolve("data/.gitignore"), "*.back");
    write(tmp.resolve("kylin.properties"), "k=v");
    Files.setLastModifiedTime(tmp.resolve("cube/a.json"), java.nio.file.attribute.FileTime.fromMillis(1404098141020L));
    List<Resource> seen = new ArrayList<>();
    try (FolderStore store = new FolderStore(tmp.toString(), new Configuration())) {
      store.forEach(seen::add);
    }
    assertEquals(List.of("/cube/a.json", "/data/.gitignore", "/kylin.properties"), seen.stream().map(Resource::path).toList());
    assertEquals(1404098141020L, seen.get(0).timestamp());
    assertArrayEquals("*.back".getBytes(StandardCharsets.UTF_8), seen.get(1).content());
  }

  @Test
  void putKeepsTimestampAndLeavesNoCrcFiles() throws IOException {
    Path out = tmp.resolve("out");
    try (FolderStore store = new FolderStore(out.toUri().toString(), new Configuration())) {
      store.createEmpty();
      store.put(Resource.ofText("/dict/T/C/u.dict", "bytes", 1386806400123L));
    }
    Path file = out.resolve("dict/T/C/u.dict");
    assertEquals("bytes", Files.readString(file));
    assertEquals(1386806400123L, Files.getLastModifiedTime(file).toMillis());
    try (Stream<Path> all = Files.walk(out)) {
      assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".crc")), "no .crc side files");
    }
  }

  @Test
  void refusesASymlinkNamingIt() throws IOException {
    write(tmp.resolve("in/cube/a.json"), "{}");
    write(tmp.resolve("elsewhere/secret.json"), "{}");
    Files.createSymbolicLink(tmp.resolve("in/cube/b.json"), tmp.resolve("elsewhere/secret.json"));
    try (FolderStore store = new FolderStore(tmp.resolve("in").toString(), new Configuration())) {
      BadInputException e = assertThrows(BadInputException.class, store::listPaths);
      assertTrue(e.getMessage().contains("cube/b.json"), e.getMessage());
    }
  }

  @Test
  void refusesADirectorySymlinkThatEscapesTheFolder() throws IOException {
    write(tmp.resolve("in/cube/a.json"), "{}");
    write(tmp.resolve("outside/x.json"), "{}");
    Files.createSymbolicLink(tmp.resolve("in/dict"), tmp.resolve("outside"));
    try (FolderStore store = new FolderStore(tmp.resolve("in").toString(), new Configuration())) {
      BadInputException e = assertThrows(BadInputException.class, store::listPaths);
      assertTrue(e.getMessage().contains("'dict'"), e.getMessage());
    }
  }

  @Test
  void refusesToWriteAPathThatEscapesTheFolder() throws IOException {
    try (FolderStore store = new FolderStore(tmp.resolve("out").toString(), new Configuration())) {
      store.createEmpty();
      assertThrows(BadInputException.class, () -> store.put(Resource.ofText("/cube/../../escaped.json", "{}", 1L)));
    }
    assertFalse(Files.exists(tmp.resolve("escaped.json")));
  }

  @Test
  void aDumpTargetMustBeNewOrEmpty() throws IOException {
    write(tmp.resolve("full/x"), "x");
    try (FolderStore store = new FolderStore(tmp.resolve("full").toString(), new Configuration())) {
      assertThrows(BadInputException.class, store::createEmpty);
    }
    try (FolderStore missing = new FolderStore(tmp.resolve("missing").toString(), new Configuration())) {
      assertThrows(BadInputException.class, missing::listPaths);
    }
  }
}
