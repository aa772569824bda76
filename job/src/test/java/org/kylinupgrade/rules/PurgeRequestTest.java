package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeRequestTest {
  @Test
  void namesAreTrimmedKeptOnceInOrderAndBlanksLeftOut() {
    assertEquals(List.of("b", "a"), List.copyOf(PurgeRequest.cubeNames(Arrays.asList(" b", "", "a ", "  ", "b"))));
  }

  @Test
  void noNamesNoCubes() {
    assertEquals(0, PurgeRequest.cubeNames(Collections.<String>emptyList()).size());
  }
}
