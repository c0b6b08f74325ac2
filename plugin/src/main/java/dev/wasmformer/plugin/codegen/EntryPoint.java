package dev.wasmformer.plugin.codegen;

import dev.wasmformer.runtime.NumberType;
import java.util.List;
import java.util.Optional;

/**
 * A program of a bundle as its typed entry points see it.
 *
 * @param program the program's name in the bundle
 * @param entry the exported function it enters
 * @param params parameter types
 * @param result the result type, if any
 * @param paramNames parameter names, one per parameter (invalid Java names are replaced)
 * @param takesArgv whether it is a C {@code main(argc, argv)} whose argv a run sets
 */
public record EntryPoint(String program, String entry, List<JavaType> params, Optional<JavaType> result,
    List<String> paramNames, boolean takesArgv) {
  /** An entry point that takes no argv. */
  public EntryPoint(String program, String entry, List<JavaType> params, Optional<JavaType> result,
      List<String> paramNames) {
    this(program, entry, params, result, paramNames, false);
  }

  public EntryPoint {
    params = List.copyOf(params);
    paramNames = List.copyOf(paramNames);
    if (paramNames.size() != params.size()) {
      throw new IllegalArgumentException(program + " has " + params.size() + " parameters but "
          + paramNames.size() + " names");
    }
  }

  /** An entry point known only by its WebAssembly types: integers map to {@code int} and {@code long}. */
  public static EntryPoint ofWasm(String program, String entry, List<NumberType> params, Optional<NumberType> result,
      List<String> paramNames) {
    return new EntryPoint(program, entry, params.stream().map(JavaType::of).toList(), result.map(JavaType::of),
        paramNames);
  }

  /**
   * Whether this is a whole program, like a native executable: it enters {@code main} or
   * {@code _start} without parameters, and its output matters more than its result.
   */
  public boolean isWholeProgram() {
    return params.isEmpty() && (entry.equals("main") || entry.equals("_start"));
  }
}
