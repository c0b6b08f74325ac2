package dev.wasmformer.runtime;

import java.nio.charset.StandardCharsets;

/** How a run ended: its result, or its exception's class and message, with its output (for comparing runs). */
record RunEnding(String how, long tokens, String output) {
  static RunEnding of(Program program, RunOptions options, boolean cache) {
    try {
      return of(program.run(options, cache));
    } catch (RunException e) {
      return of(e);
    }
  }

  static RunEnding of(RunOutcome outcome) {
    return outcome.succeeded() ? of(outcome.result()) : of((RunException) outcome.failure().orElseThrow());
  }

  private static RunEnding of(RunResult r) {
    return new RunEnding("halted " + r.returnValue() + " stderr " + r.errorOutputText(), r.stats().tokens(),
        r.outputText());
  }

  private static RunEnding of(RunException e) {
    return new RunEnding(e.getClass().getSimpleName() + ": " + e.getMessage(), e.stats().tokens(),
        new String(e.output(), StandardCharsets.UTF_8));
  }
}
