package org.kylinupgrade.util;

import java.io.File;
import java.lang.management.ManagementFactory;

/** Process ids and liveness for Java 8 code, on Linux (the platform the upgrade runs on). */
public final class Processes {
  private Processes() {
  }

  /** This JVM's process id: the runtime's name is {@code pid@host} on the JVMs the upgrade runs on. */
  public static long currentPid() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    return Long.parseLong(name.substring(0, name.indexOf('@')));
  }

  /**
   * Whether a process with this id exists on this host, whoever owns it: Linux lists every process under
   * {@code /proc}. A negative or zero id is never a live process.
   */
  public static boolean isAlive(long pid) {
    return pid > 0 && new File("/proc/" + pid).isDirectory();
  }
}
