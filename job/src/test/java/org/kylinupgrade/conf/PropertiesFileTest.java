package org.kylinupgrade.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Keys and values exactly as {@code java.util.Properties} reads them; the layout kept line by line. */
class PropertiesFileTest {
  private static final String TEXT = String.join("\n",
      "# a comment",
      "  ! another comment, indented",
      "",
      "  padded.key   =   value with trailing spaces  ",
      "colon.key:colon value",
      "space.key space value",
      "key\\ with\\ spaces\\=and\\:escapes = x",
      "unicode=caf\\u00e9 \\t tab",
      "multi = a,\\",
      "    b,\\",
      "    # not a comment inside a continuation",
      "windows.path=C:\\\\",
      "next.key=after the even backslashes",
      "empty.key=",
      "bare.key",
      "dup=first",
      "dup=second");

  private static Properties javaProperties(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void valuesAreExactlyWhatPropertiesLoads() throws IOException {
    Map<String, String> values = PropertiesFile.parse(TEXT).values();
    Properties expected = javaProperties(TEXT);
    assertEquals(expected.stringPropertyNames(), values.keySet());
    expected.stringPropertyNames().forEach(k -> assertEquals(expected.getProperty(k), values.get(k), k));
  }

  @Test
  void trimmingAndEscapes() {
    Map<String, String> values = PropertiesFile.parse(TEXT).values();
    assertEquals("value with trailing spaces  ", values.get("padded.key"));
    assertEquals("colon value", values.get("colon.key"));
    assertEquals("space value", values.get("space.key"));
    assertEquals("x", values.get("key with spaces=and:escapes"));
    assertEquals("caf\u00e9 \t tab", values.get("unicode"));
    assertEquals("a,b,# not a comment inside a continuation", values.get("multi"));
    assertEquals("C:\\", values.get("windows.path"));
    assertEquals("after the even backslashes", values.get("next.key"));
    assertEquals("", values.get("empty.key"));
    assertEquals("", values.get("bare.key"));
    assertEquals("second", values.get("dup"));
  }

  @Test
  void eachLogicalLineKeepsItsRawText() {
    PropertiesFile file = PropertiesFile.parse(TEXT);
    List<PropertiesFile.Line> lines = file.lines();
    assertFalse(lines.get(0).isEntry());
    assertFalse(lines.get(1).isEntry());
    assertFalse(lines.get(2).isEntry());
    assertEquals("multi = a,\\\n    b,\\\n    # not a comment inside a continuation", file.definition("multi").raw());
    assertEquals("dup=second", file.definition("dup").raw());
    assertEquals(TEXT, String.join("\n", lines.stream().map(PropertiesFile.Line::raw).toList()));
  }

  @Test
  void allThreeLineEndsSeparateLines() {
    Map<String, String> values = PropertiesFile.parse("a=1\r\nb=2\rc=3\n").values();
    assertEquals(Map.of("a", "1", "b", "2", "c", "3"), values);
  }

  @Test
  void theCommentsDirectlyAboveAnEntry() {
    PropertiesFile file = PropertiesFile.parse("# far\n\n# near 1\n# near 2\nkey=v\nother=w\n");
    assertEquals(List.of("# near 1", "# near 2"),
        file.commentsAbove(file.definition("key")).stream().map(PropertiesFile.Line::raw).toList());
    assertEquals(List.of(), file.commentsAbove(file.definition("other")));
  }

  @Test
  void aBadEscapeOrABinaryFileIsRefusedNamingTheLine() {
    PropertiesFile.MalformedException bad = assertThrows(PropertiesFile.MalformedException.class,
        () -> PropertiesFile.parse("# ok\na=1\nb=\\u12g4\n"));
    assertEquals(3, bad.line());
    assertTrue(bad.getMessage().startsWith("line 3: Malformed \\uxxxx encoding."), bad.getMessage());
    PropertiesFile.MalformedException continued = assertThrows(PropertiesFile.MalformedException.class,
        () -> PropertiesFile.parse("a=1\nmulti=x,\\\n  y\\u00\n"));
    assertEquals(2, continued.line(), "a continued entry is named by its first line");
    PropertiesFile.MalformedException binary = assertThrows(PropertiesFile.MalformedException.class,
        () -> PropertiesFile.parse("a=1\n\u0000\u0001PK\u0003\u0004\n"));
    assertEquals(2, binary.line());
    assertTrue(binary.getMessage().contains("byte 0x00 at column 1: not a text .properties file"), binary.getMessage());
    assertEquals("x", PropertiesFile.parse("a=\t\fx\n").values().get("a"), "tab and form feed are white space");
  }
}
