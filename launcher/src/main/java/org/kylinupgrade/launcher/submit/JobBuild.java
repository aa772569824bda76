package org.kylinupgrade.launcher.submit;

import java.util.Locale;
import org.kylinupgrade.hbase.HBaseVersions;
import org.kylinupgrade.launcher.cluster.ClusterVersion;
import org.kylinupgrade.metadata.BadInputException;

/**
 * The builds of the jobs, one a HBase major version: the HBase 1.x and 2.x clients share class names, so
 * each build is its own jar. The jar names and where a build from source leaves them are said here only.
 */
public enum JobBuild {
  /** HBase 2.x clusters: the default build. */
  HBASE2(2, "job", "-cluster.jar", "HBase 2.x"),
  /** HBase 0.98 and 1.x clusters (Kylin 1.x's: HDP 2.3–2.6, CDH 5.x). */
  HBASE1(1, "job-hbase1", "-hbase1-cluster.jar", "HBase 0.98/1.x");

  public static final JobBuild DEFAULT = HBASE2;

  public final int hbaseMajor;
  /** The module folder whose {@code target/} a build from source leaves the jar in. */
  private final String module;
  private final String jarSuffix;
  private final String clusters;

  JobBuild(int hbaseMajor, String module, String jarSuffix, String clusters) {
    this.hbaseMajor = hbaseMajor;
    this.module = module;
    this.jarSuffix = jarSuffix;
    this.clusters = clusters;
  }

  /** {@code --hbase-major}: 1 or 2. */
  public static JobBuild forOption(Integer hbaseMajor) {
    if (hbaseMajor == null) {
      return DEFAULT;
    }
    for (JobBuild build : values()) {
      if (build.hbaseMajor == hbaseMajor) {
        return build;
      }
    }
    throw new BadInputException("--hbase-major " + hbaseMajor + ": 1 (HBase 0.98/1.x clusters) or 2 (HBase 2.x)");
  }

  /** The build for a cluster of this HBase version: 0.98 and 1.x take the HBase 1 build, 2.x and later the default. */
  public static JobBuild forClusterMajor(int major) {
    return major <= 1 ? HBASE1 : HBASE2;
  }

  /** The build whose client this launcher links for the jobs it runs in its own JVM. */
  public static JobBuild inProcess() {
    return forClusterMajor(ClusterVersion.majorOf(HBaseVersions.client()));
  }

  public String jarName(String version) {
    return "kylin-upgrade-job-" + version + jarSuffix;
  }

  /** Where {@code mvn package} leaves this build's jar, relative to the source tree. */
  public String buildDir() {
    return module + "/target";
  }

  /** For messages: {@code --hbase-major 1 (the HBase 0.98/1.x build, kylin-upgrade-job-…-hbase1-cluster.jar)}. */
  public String describe(String version) {
    return "--hbase-major " + hbaseMajor + " (the " + clusters + " build, " + jarName(version) + ")";
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
