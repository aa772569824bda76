package org.kylinupgrade.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.kylinupgrade.launcher.config.LauncherEnvironment;

/** Runs the launcher in this JVM with a chosen environment and conf folder, keeping what it printed. */
public final class LauncherRun {
  public final int exitCode;
  public final String out;
  public final String err;

  private LauncherRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  public static Path repo() {
    return Path.of(System.getProperty("kylin.upgrade.repo", "..")).toAbsolutePath().normalize();
  }

  /** The repository's conf/ and home, and only the given environment variables (a bare machine). */
  public static LauncherEnvironment environment(Map<String, String> env) {
    return new LauncherEnvironment(env, repo().resolve("conf"), repo());
  }

  public static LauncherRun run(Map<String, String> env, String... args) {
    return run(environment(env), args);
  }

  public static LauncherRun run(LauncherEnvironment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Launcher(environment, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    return new LauncherRun(code, out.toString(), err.toString());
  }

  /** The commands the launcher offers. */
  public static java.util.Set<String> commands() {
    PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
    return new Launcher(environment(Map.of()), none, none).commandLine().getSubcommands().keySet();
  }

  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + out + err, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
  }
}
