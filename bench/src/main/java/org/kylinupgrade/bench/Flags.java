package org.kylinupgrade.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs after the subcommand; unknown names are refused when read back. */
final class Flags {
  private final Map<String, String> values = new HashMap<>();

  Flags(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (!name.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --name value, got '" + name + "'");
      }
      values.put(name.substring(2), args.get(++i));
    }
  }

  String text(String name, String fallback) {
    String value = values.remove(name);
    return value == null ? fallback : value;
  }

  int number(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", "").replace(",", ""));
  }

  List<Integer> numbers(String name, String fallback) {
    return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  Path path(String name, String fallback) {
    return Path.of(text(name, fallback)).toAbsolutePath().normalize();
  }

  /** Call after reading every flag: refuses the ones nobody read. */
  void requireAllUsed() {
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", values.keySet()));
    }
  }
}
