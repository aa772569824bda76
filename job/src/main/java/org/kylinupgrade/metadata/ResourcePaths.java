package org.kylinupgrade.metadata;

/** Kylin's resource path rules ({@code ResourceStore.norm}) and the names of its resource roots. */
public final class ResourcePaths {
  public static final String CUBE = "/cube";
  public static final String CUBE_DESC = "/cube_desc";
  public static final String MODEL_DESC = "/model_desc";
  public static final String PROJECT = "/project";
  public static final String TABLE = "/table";
  public static final String HYBRID = "/hybrid";
  public static final String II = "/invertedindex";
  public static final String II_DESC = "/invertedindex_desc";
  public static final String DICT = "/dict";
  public static final String TABLE_SNAPSHOT = "/table_snapshot";
  public static final String EXECUTE = "/execute";
  public static final String EXECUTE_OUTPUT = "/execute_output";
  public static final String ROOT_TYPE = "(root)";

  private ResourcePaths() {
  }

  /** Trimmed, leading slashes collapsed to one, trailing slashes removed, a leading slash added. */
  public static String normalise(String path) {
    if (path == null) {
      throw new IllegalArgumentException("a resource path must not be null");
    }
    String p = path.trim();
    while (p.startsWith("//")) {
      p = p.substring(1);
    }
    while (p.endsWith("/") && p.length() > 0) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p;
  }

  /**
   * Refuses a path that cannot be a file below a metadata folder: empty elements, {@code .} or
   * {@code ..}, backslashes or control characters.
   */
  public static String requireSafe(String path) {
    String p = normalise(path);
    if (p.equals("/")) {
      throw new BadInputException("resource path '" + path + "' names the root, not a resource");
    }
    for (String element : p.substring(1).split("/", -1)) {
      if (element.isEmpty() || element.equals(".") || element.equals("..")) {
        throw new BadInputException("resource path '" + path + "' escapes the metadata folder or has an empty element");
      }
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < 0x20 || c == '\\') {
        throw new BadInputException("resource path '" + path + "' has a control character or backslash");
      }
    }
    return p;
  }

  public static String typeOf(String path) {
    return typeOfNormalised(normalise(path));
  }

  /** {@link #typeOf} of a path that is {@link #normalise normalised} already. */
  static String typeOfNormalised(String normalised) {
    int slash = normalised.indexOf('/', 1);
    if (slash < 0) {
      return ROOT_TYPE;
    }
    // every stage filters by type: Kylin's own roots are answered without a new string
    for (int i = 0; i < KNOWN_ROOTS.length; i++) {
      if (KNOWN_ROOTS[i].length() == slash && normalised.startsWith(KNOWN_ROOTS[i])) {
        return KNOWN_TYPES[i];
      }
    }
    return normalised.substring(1, slash);
  }

  private static final String[] KNOWN_ROOTS = {CUBE, CUBE_DESC, MODEL_DESC, PROJECT, TABLE, HYBRID, II, II_DESC, DICT,
      TABLE_SNAPSHOT, EXECUTE, EXECUTE_OUTPUT};
  private static final String[] KNOWN_TYPES = new String[KNOWN_ROOTS.length];

  static {
    for (int i = 0; i < KNOWN_ROOTS.length; i++) {
      KNOWN_TYPES[i] = KNOWN_ROOTS[i].substring(1);
    }
  }

  /** {@code /cube_desc/abc.json} → {@code abc}; the file name without {@code .json}. */
  public static String entityName(String path) {
    String p = normalise(path);
    String file = p.substring(p.lastIndexOf('/') + 1);
    return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
  }

  public static String cubeDescPath(String descName) {
    return CUBE_DESC + "/" + descName + ".json";
  }

  public static String modelPath(String modelName) {
    return MODEL_DESC + "/" + modelName + ".json";
  }

  public static String cubePath(String cubeName) {
    return CUBE + "/" + cubeName + ".json";
  }

  public static String hybridPath(String hybridName) {
    return HYBRID + "/" + hybridName + ".json";
  }

  /** The prefix of every path below a root: {@code /cube} → {@code /cube/}. */
  public static String under(String root) {
    return root + "/";
  }
}
