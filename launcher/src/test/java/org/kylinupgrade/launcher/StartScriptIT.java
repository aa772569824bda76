package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start script's JVM flags, read back from the JVM it starts ({@code -XX:+PrintFlagsFinal}). */
class StartScriptIT {
  private static final Pattern TIER = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)");

  @TempDir
  Path cdsDir;

  private static Path repo() {
    return Path.of(System.getProperty("kylin.upgrade.repo", "..")).toAbsolutePath().normalize();
  }

  /** The JIT tier the JVM started by {@code scripts/kylin-upgrade --version} ran with, given these options. */
  private String tierWith(String javaOpts) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", repo().resolve("scripts/kylin-upgrade").toString(), "--version")
        .redirectErrorStream(true);
    builder.environment().put("KYLIN_UPGRADE_JAVA_OPTS", javaOpts);
    builder.environment().put("KYLIN_UPGRADE_CDS_DIR", cdsDir.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("kylin-upgrade"), output);
    Matcher tier = TIER.matcher(output);
    assertTrue(tier.find(), output);
    return tier.group(1);
  }

  @Test
  void theJvmRunsTheFirstJitTierOnly() throws Exception {
    assertEquals("1", tierWith("-Xmx256m -XX:+PrintFlagsFinal"));
  }

  @Test
  void theOperatorsJavaOptionsWin() throws Exception {
    for (String tier : List.of("4", "2")) {
      assertEquals(tier, tierWith("-Xmx256m -XX:TieredStopAtLevel=" + tier + " -XX:+PrintFlagsFinal"));
    }
  }
}
