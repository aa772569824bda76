package org.kylinupgrade.kylin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a released Kylin's managers made of a metadata folder: one row per resource, in path order.
 *
 * @param version  the Kylin version that loaded it, as its jar says
 * @param managers manager name to {@code null} when it started, else its error
 * @param elapsed  the child JVM's wall time
 * @param log      Kylin's log (the child's stderr)
 */
public record KylinLoad(String version, Map<String, String> managers, List<Entity> tables, List<Entity> models,
    List<Desc> descs, List<Cube> cubes, List<Entity> projects, Duration elapsed, String log) {

  public KylinLoad {
    managers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(managers));
    tables = List.copyOf(tables);
    models = List.copyOf(models);
    descs = List.copyOf(descs);
    cubes = List.copyOf(cubes);
    projects = List.copyOf(projects);
  }

  /** A table, model or project: loaded by its manager, or why not. */
  public record Entity(String path, String name, boolean loaded, String message) {
  }

  /** How a cube desc came out of {@code CubeDescManager}. */
  public enum DescStatus {
    /** in the manager, no errors */
    LOADED,
    /** in the manager with errors (Kylin 1.6 keeps such descs; their cubes become DESCBROKEN) */
    BROKEN,
    /** not in the manager */
    FAILED
  }

  /**
   * A cube desc. For a loaded or broken desc: {@code signatureOk} is {@code CubeDesc.checkSignature()},
   * {@code cuboids} is {@code new CuboidScheduler(desc).getAllCuboidIds()} sorted, {@code rowkey} the rowkey
   * columns in order.
   */
  public record Desc(String path, String name, DescStatus status, boolean signatureOk, int engineType,
      int storageType, List<Long> cuboids, List<String> rowkey, String message) {
    public Desc {
      cuboids = List.copyOf(cuboids);
      rowkey = List.copyOf(rowkey);
    }

    public boolean loaded() {
      return status == DescStatus.LOADED;
    }
  }

  /**
   * A cube: {@code loaded} when {@code CubeManager} has it; {@code descFound} when its desc is loaded without
   * errors; {@code status} is Kylin's realization status ("null" when the file has none).
   */
  public record Cube(String path, String name, String descName, boolean loaded, boolean descFound, String status,
      int segments, String message) {
  }

  public Optional<Desc> desc(String name) {
    return descs.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<Cube> cube(String name) {
    return cubes.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  public List<Desc> descsNotLoaded() {
    return descs.stream().filter(d -> !d.loaded()).collect(Collectors.toList());
  }

  public List<Cube> cubesWithoutDesc() {
    return cubes.stream().filter(c -> !c.descFound()).collect(Collectors.toList());
  }

  public long loadedDescCount() {
    return descs.stream().filter(Desc::loaded).count();
  }

  /** Desc name (lower case) to its sorted cuboid ids, for the loaded descs. */
  public Map<String, List<Long>> cuboidsByDesc() {
    Map<String, List<Long>> map = new LinkedHashMap<>();
    for (Desc d : descs) {
      if (d.loaded()) {
        map.put(d.name().toLowerCase(java.util.Locale.ROOT), d.cuboids());
      }
    }
    return map;
  }

  /** A one-line account, for failure messages and reports. */
  public String summary() {
    return "Kylin " + version + ": managers " + managers + ", descs " + loadedDescCount() + "/" + descs.size()
        + " loaded, cubes " + cubes.stream().filter(Cube::descFound).count() + "/" + cubes.size()
        + " with their desc, models " + models.stream().filter(Entity::loaded).count() + "/" + models.size()
        + ", in " + elapsed.toMillis() + " ms" + problems();
  }

  private String problems() {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> m : managers.entrySet()) {
      if (m.getValue() != null) {
        s.append("\n  manager ").append(m.getKey()).append(": ").append(m.getValue());
      }
    }
    for (Entity e : tables) {
      if (!e.loaded()) {
        s.append("\n  table ").append(e.path()).append(": ").append(e.message());
      }
    }
    for (Entity e : models) {
      if (!e.loaded()) {
        s.append("\n  model ").append(e.path()).append(": ").append(e.message());
      }
    }
    for (Desc d : descs) {
      if (!d.loaded() || !d.signatureOk()) {
        s.append("\n  desc ").append(d.path()).append(" ").append(d.status())
            .append(d.status() == DescStatus.FAILED ? "" : " signatureOk=" + d.signatureOk()).append(": ")
            .append(d.message());
      }
    }
    for (Cube c : cubes) {
      if (!c.descFound()) {
        s.append("\n  cube ").append(c.path()).append(": ").append(c.message());
      }
    }
    for (Entity e : projects) {
      if (!e.loaded()) {
        s.append("\n  project ").append(e.path()).append(": ").append(e.message());
      }
    }
    return s.toString();
  }

  static KylinLoad parse(KylinClient.Version expected, String tsv, String log, Duration elapsed) {
    String version = null;
    Map<String, String> managers = new LinkedHashMap<>();
    List<Entity> tables = new ArrayList<>();
    List<Entity> models = new ArrayList<>();
    List<Desc> descs = new ArrayList<>();
    List<Cube> cubes = new ArrayList<>();
    List<Entity> projects = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = fields(line);
      switch (f[0]) {
        case "kylin" -> version = f[1];
        case "manager" -> managers.put(f[1], f[2].equals("ok") ? null : f[3]);
        case "table" -> tables.add(new Entity(f[1], f[2], f[3].equals("loaded"), f[4]));
        case "model" -> models.add(new Entity(f[1], f[2], f[3].equals("loaded"), f[4]));
        case "project" -> projects.add(new Entity(f[1], f[2], f[3].equals("loaded"), f[5]));
        case "desc" -> descs.add(new Desc(f[1], f[2], DescStatus.valueOf(f[3].toUpperCase(java.util.Locale.ROOT)),
            f[4].equals("true"), intOr(f[5]), intOr(f[6]), longs(f[8]), strings(f[9]), f[10]));
        case "cube" -> cubes.add(new Cube(f[1], f[2], f[3], f[4].equals("loaded"), f[5].equals("true"), f[6],
            intOr(f[7]), f[8]));
        default -> throw new IllegalStateException("unexpected row from the Kylin child: " + line);
      }
    }
    if (version == null || !version.equals(expected.text)) {
      throw new IllegalStateException("the child ran Kylin " + version + ", not " + expected
          + " (class path of the wrong client?); its log ends with:\n" + KylinClient.tail(log));
    }
    return new KylinLoad(version, managers, tables, models, descs, cubes, projects, elapsed, log);
  }

  /** Splits a row and undoes the child's escapes; missing trailing fields are empty. */
  static String[] fields(String line) {
    String[] raw = line.split("\t", -1);
    String[] f = Arrays.copyOf(raw, Math.max(raw.length, 12));
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i] == null ? "" : unescape(f[i]);
    }
    return f;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int intOr(String s) {
    return s.isEmpty() ? -1 : Integer.parseInt(s);
  }

  private static List<Long> longs(String s) {
    return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(Long::valueOf).collect(Collectors.toList());
  }

  private static List<String> strings(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(","));
  }
}
