package org.kylinupgrade.jobs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kill points {@link KillPointIT} leaves out: every other journaled step and named point of each command
 * (the {@code thorough} profile runs them: {@code mvn verify -Pthorough}).
 */
class KillPointMoreIT extends KillPointScenarios {
  /** The remaining kill points. */
  @ParameterizedTest(name = "[{index}] {0} killed at {1}; {3} gives the {4}")
  @CsvSource(delimiter = '|', textBlock = """
      upgrade           | swap:disable         | SWAP_SNAPSHOT_TAKEN  | resume      | RESULT
      upgrade           | swap:disabled        | SWAP_SNAPSHOT_TAKEN  | resume      | RESULT
      upgrade           | swap:dropped         | SWAP_DISABLED        | rollback    | ORIGINAL
      upgrade           | swap:enable          | SWAP_DROPPED         | rollback    | ORIGINAL
      upgrade           | swap:big-cells       | SWAP_CLONED          | resume      | RESULT
      upgrade           | swap:verify          | SWAP_BIG_CELLS_MOVED | rollback    | ORIGINAL
      resume@SWAP_DISABLED | SWAP_CLONED       | SWAP_CLONED          | rollback    | ORIGINAL
      rollback-folder   | rollback:stage       | BACKED_UP            | rollback    | ORIGINAL
      rollback-folder   | rollback:clone       | SWAP_DROPPED         | rollback    | ORIGINAL
      rollback-snapshot | rollback:failsafe    | STARTED              | rollback    | ORIGINAL
      rollback-snapshot | rollback:disabled    | SWAP_SNAPSHOT_TAKEN  | rollback    | ORIGINAL
      rollback-snapshot | rollback:dropped     | SWAP_DISABLED        | resume      | RESULT
      rollback-snapshot | rollback:verify      | SWAP_BIG_CELLS_MOVED | resume      | RESULT
      hybrid            | HYBRID_ACL_COPIED    | BACKED_UP            | rollback    | ORIGINAL
      backup            | backup:count         | STARTED              | rollback    | ORIGINAL
      coprocessor       | coprocessor:disabled | -                    | coprocessor | CONVERGED
      """)
  void aKilledCommandIsFinishedOrUndoneByTheCommandInfoNames(String command, String point, String step, String next,
      Expect expect) throws Exception {
    killAndCheck(command, point, step, next, expect);
  }
}
