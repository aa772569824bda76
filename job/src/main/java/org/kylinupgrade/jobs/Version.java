package org.kylinupgrade.jobs;

/** This build's version, as recorded in the run history. */
final class Version {
  private Version() {
  }

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
