package org.kylinupgrade.hbase;

import org.apache.hadoop.hbase.util.VersionInfo;

/** The HBase this build of the jobs is linked with. */
public final class HBaseVersions {
  private HBaseVersions() {
  }

  /** The version of the HBase client on the class path, for example {@code 2.6.1}. */
  public static String client() {
    return VersionInfo.getVersion();
  }
}
