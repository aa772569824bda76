package org.kylinupgrade.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kill in each command that changes the metadata table and in each kind of phase (staging, the swap's table
 * operations, the record of the run), each finished or undone by the command {@code info} names. The other kill
 * points are in {@link KillPointMoreIT}; rows as in {@link KillPointScenarios#killAndCheck}.
 */
class KillPointIT extends KillPointScenarios {
  /** One kill point a command, and a resume killed in the swap. */
  @ParameterizedTest(name = "[{index}] {0} killed at {1}; {3} gives the {4}")
  @CsvSource(delimiter = '|', textBlock = """
      upgrade           | VERIFIED             | VERIFIED             | rollback    | ORIGINAL
      upgrade           | swap:drop            | SWAP_DISABLED        | rollback    | ORIGINAL
      upgrade           | RECORDED             | RECORDED             | resume      | RESULT
      rollback-folder   | rollback:dropped     | SWAP_DISABLED        | resume      | RESULT
      rollback-snapshot | rollback:clone       | SWAP_DROPPED         | rollback    | ORIGINAL
      hybrid            | hybrid:write         | BACKED_UP            | rollback    | ORIGINAL
      backup            | backup:folder        | STARTED              | rollback    | ORIGINAL
      resume@swap:disabled | swap:clone        | SWAP_DROPPED         | resume      | RESULT
      coprocessor       | coprocessor:modified | -                    | coprocessor | CONVERGED
      """)
  void aKilledCommandIsFinishedOrUndoneByTheCommandInfoNames(String command, String point, String step, String next,
      Expect expect) throws Exception {
    killAndCheck(command, point, step, next, expect);
  }

  /** An upgrade killed in staging and in the swap, each finished by {@code resume}. */
  @ParameterizedTest(name = "[{index}] {0} killed at {1}; {3} gives the {4}")
  @CsvSource(delimiter = '|', textBlock = """
      upgrade           | stage:write          | BACKED_UP            | resume      | RESULT
      upgrade           | swap:clone           | SWAP_DROPPED         | resume      | RESULT
      """)
  void aKilledUpgradeIsResumed(String command, String point, String step, String next, Expect expect)
      throws Exception {
    killAndCheck(command, point, step, next, expect);
  }

  @Test
  void aSecondUpgradeProcessIsRefusedWhileTheFirstRunsThenTheFirstIsResumed() throws Exception {
    aSecondUpgradeProcessIsRefusedWhileTheFirstRuns();
  }
}
