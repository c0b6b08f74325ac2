package dev.wasmformer.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run of the compile goal left behind.
 *
 * @param status whether it compiled, found everything up to date, or found no programs
 * @param bundleFile the bundle, unless there are no programs
 * @param programs the names of the bundle's programs
 */
record CompileOutcome(Status status, Optional<Path> bundleFile, List<String> programs) {
  /** How a run went. */
  enum Status { COMPILED, UP_TO_DATE, NO_PROGRAMS }

  CompileOutcome {
    programs = List.copyOf(programs);
  }
}
