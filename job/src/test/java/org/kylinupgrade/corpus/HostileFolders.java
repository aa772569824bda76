package org.kylinupgrade.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.kylinupgrade.TestData;

/**
 * A corpus of broken v1 metadata folders, each generated from the {@code kylin-1.3.0-sample-cube} example (or Kylin
 * 1.5's output for it) with one thing broken, and what each command must do with it.
 */
public final class HostileFolders {
  static final String CUBE = "cube/kylin_sales_cube.json";
  static final String DESC = "cube_desc/kylin_sales_cube_desc.json";
  static final String MODEL = "model_desc/kylin_sales_model.json";
  static final String PROJECT = "project/learn_kylin.json";
  static final String TABLE = "table/DEFAULT.KYLIN_CAL_DT.json";

  /** What the offline upgrade must do with a folder. */
  public enum Upgrade {
    /** Exit 0, the output written. */
    PASS,
    /** Exit 2 naming the resource, with or without --keep-unloadable; nothing written. */
    REFUSED,
    /** Exit 2 naming the resource; with --keep-unloadable exit 4 and the resource written as it was. */
    UNLOADABLE
  }

  /** What {@code validate --from-folder} must do with a folder. */
  public enum Validate {
    /** Exit 0 (only a folder already in the 1.5 format). */
    PASS,
    /** Exit 2 naming the resource: the folder cannot be read. */
    REFUSED,
    /** Exit 4 with a finding naming the resource. */
    FINDING,
    /** Exit 4: a v1 folder is not in the 1.5 format, whatever else it holds; nothing more to say. */
    V1
  }

  /** Where the case's output folder goes, for the cases about the output folder; relative to the case's folder. */
  @FunctionalInterface
  interface Builder {
    void build(Path input, Path outside) throws IOException;
  }

  /**
   * One case.
   *
   * @param name a short name, also the folder's name
   * @param proves what the case proves
   * @param resource what the error must name (a resource path, a file name, or a folder)
   * @param upgrade what the offline upgrade must do
   * @param validate what validate must do
   * @param folderLevel true when load and rollback --from-folder apply (the folder cannot be stored as it is);
   *     false when they store the folder byte for byte and leave the judgement to upgrade and validate
   * @param output for the output-folder cases, the --to-folder to use (relative to the case's root): upgrade only
   */
  public record Case(String name, String proves, String resource, Upgrade upgrade, Validate validate,
      boolean folderLevel, String output, boolean fromUpgraded, Builder builder) {
    @Override
    public String toString() {
      return name;
    }

    public boolean offlineOnly() {
      return output != null;
    }

    /**
     * Generates the case under {@code root}: {@code root/in} is the metadata folder, {@code root/outside} holds what
     * links point to. Returns the input folder.
     */
    public Path generate(Path root) {
      try {
        Path in = root.resolve("in");
        Path outside = Files.createDirectories(root.resolve("outside"));
        copy(fromUpgraded ? TestData.expected15("kylin-1.3.0-sample-cube") : TestData.example("kylin-1.3.0-sample-cube"),
            in);
        builder.build(in, outside);
        return in;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private HostileFolders() {
  }

  private static Case offline(String name, String proves, String resource, String output, Builder builder) {
    return new Case(name, proves, resource, Upgrade.REFUSED, Validate.V1, false, output, false, builder);
  }

  private static Case folder(String name, String proves, String resource, Builder builder) {
    return new Case(name, proves, resource, Upgrade.REFUSED, Validate.REFUSED, true, null, false, builder);
  }

  private static Case syntax(String name, String proves, String resource, Builder builder) {
    return new Case(name, proves, resource, Upgrade.REFUSED, Validate.FINDING, false, null, false, builder);
  }

  private static Case unloadable(String name, String proves, String resource, Builder builder) {
    return new Case(name, proves, resource, Upgrade.UNLOADABLE, Validate.FINDING, false, null, false, builder);
  }

  private static Case unloadableV1(String name, String proves, String resource, Builder builder) {
    return new Case(name, proves, resource, Upgrade.UNLOADABLE, Validate.V1, false, null, false, builder);
  }

  private static Case control(String name, String proves, boolean fromUpgraded, Validate validate, Builder builder) {
    return new Case(name, proves, null, Upgrade.PASS, validate, false, null, fromUpgraded, builder);
  }

  /** Every case. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    // the folder itself
    cases.add(folder("fifo-cube", "a named pipe among the cubes is refused by name without being opened (no hang)",
        "cube/zz_pipe.json", (in, out) -> mkfifo(in.resolve("cube/zz_pipe.json"))));
    cases.add(folder("fifo-root", "a named pipe at the folder's top is refused by name", "pipe",
        (in, out) -> mkfifo(in.resolve("pipe"))));
    cases.add(folder("fifo-dict", "a named pipe under dict/ is refused too: only regular files are resources",
        "dict/DEFAULT.KYLIN_SALES/PART_DT/x.dict", (in, out) -> {
          Files.createDirectories(in.resolve("dict/DEFAULT.KYLIN_SALES/PART_DT"));
          mkfifo(in.resolve("dict/DEFAULT.KYLIN_SALES/PART_DT/x.dict"));
        }));
    cases.add(folder("symlink-file-outside", "a resource that is a symbolic link to a file outside is refused by name",
        DESC, (in, out) -> {
          Path target = Files.copy(in.resolve(DESC), out.resolve("desc.json"));
          Files.delete(in.resolve(DESC));
          Files.createSymbolicLink(in.resolve(DESC), target);
        }));
    cases.add(folder("symlink-folder-outside", "a folder that is a symbolic link to a folder outside is refused by name",
        "table", (in, out) -> {
          Path target = Files.createDirectories(out.resolve("tables"));
          copy(in.resolve("table"), target);
          deleteTree(in.resolve("table"));
          Files.createSymbolicLink(in.resolve("table"), target);
        }));
    cases.add(folder("symlink-dangling", "a dangling symbolic link is refused by name", "cube/ghost.json",
        (in, out) -> Files.createSymbolicLink(in.resolve("cube/ghost.json"), out.resolve("nowhere.json"))));
    cases.add(folder("control-char-name", "a file name with a control character is refused", "a\u0001b.json",
        (in, out) -> Files.writeString(in.resolve("cube/a\u0001b.json"), "{}")));
    cases.add(folder("backslash-name", "a file name with a backslash is refused", "a\\b.json",
        (in, out) -> Files.writeString(in.resolve("cube/a\\b.json"), "{}")));
    cases.add(new Case("empty-desc", "an empty cube desc is refused: not JSON, and an empty cell is a big-cell pointer "
        + "to Kylin's HBase store", DESC, Upgrade.REFUSED, Validate.FINDING, true, null, false,
        (in, out) -> Files.write(in.resolve(DESC), new byte[0])));

    // the output folder (offline upgrade only)
    cases.add(offline("output-inside-input", "an output folder inside the input folder is refused, naming both",
        "--from-folder", "in/upgraded", (in, out) -> { }));
    cases.add(offline("output-inside-input-via-link", "an output folder reached through a link into the input folder "
        + "is refused", "--from-folder", "outside/link-to-in/upgraded",
        (in, out) -> Files.createSymbolicLink(out.resolve("link-to-in"), in)));
    cases.add(offline("output-is-input", "the input folder itself as output is refused", "--from-folder", "in",
        (in, out) -> { }));
    cases.add(offline("output-parent-is-file", "an output folder under a file is refused with a plain message",
        "outside/file.txt", "outside/file.txt/upgraded",
        (in, out) -> Files.writeString(out.resolve("file.txt"), "a file")));
    cases.add(offline("output-is-file", "an output that is a file is refused with a plain message", "outside/file.txt",
        "outside/file.txt", (in, out) -> Files.writeString(out.resolve("file.txt"), "a file")));

    // not a JSON object
    cases.add(syntax("malformed-desc", "a truncated cube desc is refused by name", DESC,
        (in, out) -> truncate(in.resolve(DESC))));
    cases.add(syntax("malformed-cube", "a cube with a missing comma is refused by name", CUBE,
        (in, out) -> replace(in.resolve(CUBE), "\"status\"", "\"status\" \"x\"")));
    cases.add(syntax("malformed-model", "a truncated model is refused by name", MODEL,
        (in, out) -> truncate(in.resolve(MODEL))));
    cases.add(syntax("malformed-table", "a truncated table is refused by name", TABLE,
        (in, out) -> truncate(in.resolve(TABLE))));
    cases.add(syntax("malformed-project", "a truncated project is refused by name", PROJECT,
        (in, out) -> truncate(in.resolve(PROJECT))));
    cases.add(syntax("desc-is-array", "a JSON array where a cube desc belongs is refused", DESC,
        (in, out) -> Files.writeString(in.resolve(DESC), "[ " + Files.readString(in.resolve(DESC)) + " ]")));
    cases.add(syntax("cube-is-string", "a JSON string where a cube belongs is refused", CUBE,
        (in, out) -> Files.writeString(in.resolve(CUBE), "\"kylin_sales_cube\"")));
    cases.add(syntax("model-is-null", "JSON null where a model belongs is refused", MODEL,
        (in, out) -> Files.writeString(in.resolve(MODEL), "null")));
    cases.add(syntax("table-is-number", "a JSON number where a table belongs is refused", TABLE,
        (in, out) -> Files.writeString(in.resolve(TABLE), "42")));
    cases.add(syntax("non-utf8-desc", "bytes that are not UTF-8 inside a cube desc are refused", DESC,
        (in, out) -> replaceBytes(in.resolve(DESC), "kylin_sales_cube_desc\",",
            new byte[] {'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ','})));
    cases.add(syntax("nul-bytes-desc", "NUL bytes inside a cube desc are refused", DESC,
        (in, out) -> replaceBytes(in.resolve(DESC), "\"dimensions\"", new byte[] {0, 0, 0, '"', 'd', 'i', 'm', 'e',
            'n', 's', 'i', 'o', 'n', 's', '"'})));
    cases.add(syntax("deep-nesting-project", "100,000 nested arrays inside a project are refused, not a stack overflow",
        PROJECT, (in, out) -> replace(in.resolve(PROJECT), "\"name\": \"learn_kylin\",",
            "\"name\": \"learn_kylin\", \"deep\": " + "[".repeat(100_000) + "]".repeat(100_000) + ",")));
    cases.add(syntax("empty-cube", "an empty cube file is refused by name", CUBE,
        (in, out) -> Files.write(in.resolve(CUBE), new byte[0])));
    cases.add(syntax("whitespace-model", "a model of blanks only is refused by name", MODEL,
        (in, out) -> Files.writeString(in.resolve(MODEL), " \n\t\n")));

    // content after the JSON object
    cases.add(unloadable("trailing-garbage-desc", "text after the cube desc's object is reported; kept untouched with "
        + "--keep-unloadable", DESC, (in, out) -> append(in.resolve(DESC), "\n# edited by hand\n")));
    cases.add(unloadable("two-objects-cube", "a second object after the cube's is reported", CUBE,
        (in, out) -> append(in.resolve(CUBE), Files.readString(in.resolve(CUBE)))));
    cases.add(unloadable("trailing-brace-project", "a stray closing brace after a project is reported", PROJECT,
        (in, out) -> append(in.resolve(PROJECT), "}")));
    cases.add(unloadable("trailing-array-model", "an array after the model's object is reported", MODEL,
        (in, out) -> append(in.resolve(MODEL), "[1, 2]")));

    // references, names, ids
    cases.add(unloadableV1("cube-desc-missing", "a cube whose desc file is gone is reported unloadable", CUBE,
        (in, out) -> Files.delete(in.resolve(DESC))));
    cases.add(unloadable("cube-descriptor-unknown", "a cube naming a desc that does not exist is reported", CUBE,
        (in, out) -> replace(in.resolve(CUBE), "\"descriptor\" : \"kylin_sales_cube_desc\"",
            "\"descriptor\" : \"no_such_desc\"")));
    cases.add(unloadable("desc-model-missing", "a desc whose model does not exist is reported", DESC,
        (in, out) -> Files.delete(in.resolve(MODEL))));
    cases.add(unloadable("desc-table-missing", "a desc (and model) whose lookup table does not exist is reported",
        DESC, (in, out) -> Files.delete(in.resolve(TABLE))));
    cases.add(unloadable("duplicate-desc-name", "a second desc file with the same name inside is reported",
        "cube_desc/kylin_sales_cube_desc_copy.json", (in, out) -> Files.copy(in.resolve(DESC),
            in.resolve("cube_desc/kylin_sales_cube_desc_copy.json"))));
    cases.add(unloadable("duplicate-cube-name", "a second cube file with the same name inside is reported",
        "cube/kylin_sales_cube_copy.json", (in, out) -> Files.copy(in.resolve(CUBE),
            in.resolve("cube/kylin_sales_cube_copy.json"))));
    cases.add(unloadable("duplicate-model-name", "a second model file with the same name inside (in other case) is "
        + "reported", "model_desc/kylin_sales_model_copy.json", (in, out) -> Files.writeString(
            in.resolve("model_desc/kylin_sales_model_copy.json"), Files.readString(in.resolve(MODEL))
                .replace("\"name\" : \"kylin_sales_model\"", "\"name\" : \"KYLIN_SALES_MODEL\""))));
    cases.add(unloadable("desc-file-name-differs", "a desc whose file is not named after it is reported",
        "cube_desc/renamed.json", (in, out) -> Files.move(in.resolve(DESC), in.resolve("cube_desc/renamed.json"))));
    cases.add(unloadable("unknown-engine", "a desc with engine_type 7 is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"engine_type\" : 7,")));
    cases.add(unloadable("unknown-storage", "a desc with storage_type 99 is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"storage_type\" : 99,")));
    cases.add(unloadable("engine-as-text", "a desc with engine_type \"MR\" is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"engine_type\" : \"MR\",")));
    cases.add(unloadable("dimensions-wrong-type", "a desc whose dimensions are a string is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"dimensions\" : [", "\"dimensions\" : \"none\", \"x\" : [")));
    cases.add(unloadable("desc-name-missing", "a desc without a name is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",", "")));
    cases.add(unloadable("duplicate-keys-desc", "a desc whose name key appears twice (the second wins, as in Kylin) "
        + "is reported: it no longer matches its file", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"name\" : \"another_desc\",")));
    cases.add(unloadable("number-out-of-range", "a desc whose retention_range does not fit a long is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"retention_range\" : 99999999999999999999999999,")));
    cases.add(unloadable("absurd-date", "a desc whose partition_date_start is not a number is reported", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"partition_date_start\" : \"the year 30000\",")));
    cases.add(syntax("huge-json-desc", "a 50 MB cube desc (one huge unknown property) is read without a hang and "
        + "refused by name: 50 MB in one string is past the JSON reader's limit of 20 MB", DESC,
        (in, out) -> replace(in.resolve(DESC), "\"name\" : \"kylin_sales_cube_desc\",",
            "\"name\" : \"kylin_sales_cube_desc\", \"padding\" : \"" + "x".repeat(50 << 20) + "\",")));

    // controls
    cases.add(control("already-upgraded", "Kylin 1.5's own output upgrades to itself: exit 0, nothing to change", true,
        Validate.PASS, (in, out) -> { }));
    cases.add(control("binary-dict-and-snapshot", "binary files under dict/ and table_snapshot/ (named .json too) "
        + "pass and are written byte for byte", true, Validate.PASS, (in, out) -> binaries(in)));
    cases.add(control("huge-snapshot", "a 60 MB binary table snapshot passes and is written byte for byte", false,
        Validate.V1, (in, out) -> {
          Path dir = Files.createDirectories(in.resolve("table_snapshot/DEFAULT.KYLIN_CAL_DT"));
          Files.write(dir.resolve("big.snapshot"), randomBytes(60 << 20, 7));
        }));
    cases.add(control("bom-desc", "a cube desc starting with a UTF-8 byte order mark is read as Kylin's reader reads it",
        false, Validate.V1, (in, out) -> {
          byte[] desc = Files.readAllBytes(in.resolve(DESC));
          byte[] withBom = new byte[desc.length + 3];
          withBom[0] = (byte) 0xEF;
          withBom[1] = (byte) 0xBB;
          withBom[2] = (byte) 0xBF;
          System.arraycopy(desc, 0, withBom, 3, desc.length);
          Files.write(in.resolve(DESC), withBom);
        }));
    return cases;
  }

  /** The binary resources of the binary control: NUL bytes, bytes that are not UTF-8, a .json name. */
  static void binaries(Path in) throws IOException {
    Path dict = Files.createDirectories(in.resolve("dict/DEFAULT.KYLIN_SALES/PART_DT"));
    Files.write(dict.resolve("0a1b2c.dict"), randomBytes(100_000, 1));
    Files.write(dict.resolve("not-json.json"), new byte[] {0, (byte) 0xFF, '{', 0, (byte) 0xC3});
    Path snapshot = Files.createDirectories(in.resolve("table_snapshot/DEFAULT.KYLIN_CAL_DT.csv"));
    Files.write(snapshot.resolve("3d4e.snapshot"), randomBytes(300_000, 2));
    Files.write(snapshot.resolve("odd.json"), "{ \"a\" : 1 } trailing [".getBytes(StandardCharsets.UTF_8));
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    bytes[0] = 0;
    return bytes;
  }

  static void mkfifo(Path path) throws IOException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IOException("mkfifo " + path + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    if (!text.contains(from)) {
      throw new IllegalStateException(file + " has no '" + from + "'");
    }
    Files.writeString(file, text.replace(from, to));
  }

  private static void replaceBytes(Path file, String from, byte[] to) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] pattern = from.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, pattern);
    if (at < 0) {
      throw new IllegalStateException(file + " has no '" + from + "'");
    }
    byte[] out = new byte[bytes.length - pattern.length + to.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(to, 0, out, at, to.length);
    System.arraycopy(bytes, at + pattern.length, out, at + to.length, bytes.length - at - pattern.length);
    Files.write(file, out);
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
