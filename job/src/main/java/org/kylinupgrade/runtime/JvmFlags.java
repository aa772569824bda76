package org.kylinupgrade.runtime;

import java.util.Collections;
import java.util.List;

/** The flags Spark 3.5 and HBase 2 need on JDK 17 (the same list as conf/spark-defaults.conf and the pom). */
public final class JvmFlags {
  private static final String[] OPENS = {
      "java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.lang.reflect", "java.base/java.io",
      "java.base/java.net", "java.base/java.nio", "java.base/java.util", "java.base/java.util.concurrent",
      "java.base/java.util.concurrent.atomic", "java.base/jdk.internal.ref", "java.base/sun.nio.ch",
      "java.base/sun.nio.cs", "java.base/sun.security.action", "java.base/sun.util.calendar",
      "java.security.jgss/sun.security.krb5"};

  private JvmFlags() {
  }

  public static List<String> jdk17() {
    List<String> flags = new java.util.ArrayList<>();
    flags.add("-XX:+IgnoreUnrecognizedVMOptions");
    flags.add("-Djdk.reflect.useDirectMethodHandle=false");
    for (String open : OPENS) {
      flags.add("--add-opens=" + open + "=ALL-UNNAMED");
    }
    flags.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
    flags.add("-Dorg.apache.hbase.thirdparty.io.netty.tryReflectionSetAccessible=true");
    flags.add("-Djava.net.preferIPv4Stack=true");
    return Collections.unmodifiableList(flags);
  }
}
