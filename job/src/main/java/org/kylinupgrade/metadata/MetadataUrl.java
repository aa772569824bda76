package org.kylinupgrade.metadata;

import java.io.Serializable;
import java.util.Locale;
import org.kylinupgrade.util.Strings;

/**
 * Kylin's {@code kylin.metadata.url} for an HBase store ({@code kylin_metadata@hbase}) and the names
 * derived from it: the metadata table, the ACL and user tables, and the big-cell folder.
 */
public final class MetadataUrl implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT = "kylin_metadata@hbase";
  private static final String DEFAULT_PREFIX = "kylin_metadata";

  private final String url;

  private MetadataUrl(String url) {
    this.url = url;
  }

  public static MetadataUrl parse(String url) {
    if (url == null || Strings.isBlank(url)) {
      throw new BadInputException("--metadata-url must not be empty (Kylin's form: kylin_metadata@hbase)");
    }
    String u = url.trim();
    int at = u.indexOf('@');
    if (at == 0) {
      throw new BadInputException("--metadata-url '" + url + "' has no table name before '@' (Kylin's form: kylin_metadata@hbase)");
    }
    if (at > 0) {
      String scheme = u.substring(at + 1);
      if (!scheme.equalsIgnoreCase("hbase")) {
        throw new BadInputException("--metadata-url '" + url + "' is not an HBase metadata URL (expected TABLE@hbase)");
      }
    }
    return new MetadataUrl(u);
  }

  /** The part before the first {@code @}; {@code kylin_metadata} when there is none. */
  public String tableName() {
    int at = url.indexOf('@');
    return at < 0 ? DEFAULT_PREFIX : url.substring(0, at);
  }

  /** Prefix of the big-cell and coprocessor folders: the part before {@code @hbase}, else {@code kylin_metadata}. */
  public String prefix() {
    int at = url.toLowerCase(Locale.ROOT).indexOf("@hbase");
    return at > 0 ? url.substring(0, at) : DEFAULT_PREFIX;
  }

  public String aclTable() {
    return prefix() + "_acl";
  }

  public String userTable() {
    return prefix() + "_user";
  }

  /** Kylin's {@code getHdfsWorkingDirectory()}: working dir + '/' + prefix with ':' replaced by '-' + '/'. */
  public String metadataWorkingDir(String kylinWorkingDir) {
    String base = kylinWorkingDir.endsWith("/") ? kylinWorkingDir : kylinWorkingDir + "/";
    return base + prefix().replace(':', '-') + "/";
  }

  /** Where a big cell's content lives: {@code <metadata working dir>resources<resource path>}. */
  public String bigCellPath(String kylinWorkingDir, String resourcePath) {
    return metadataWorkingDir(kylinWorkingDir) + "resources" + ResourcePaths.normalise(resourcePath);
  }

  @Override
  public String toString() {
    return url;
  }
}
