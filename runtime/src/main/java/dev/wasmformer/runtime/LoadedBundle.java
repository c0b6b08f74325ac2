package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated bundle with its transformer built, and its programs; immutable and thread-safe. */
public final class LoadedBundle {
  private final Bundle bundle;
  private final TokenTable tokens;
  private final Map<String, Program> programs;
  private final PrefixBudget keptStates;

  /** {@code bundle} must be validated; every program runs on {@code steppers}. */
  LoadedBundle(Bundle bundle, StepperFactory steppers) {
    this(bundle, null, steppers, PrefixBudget.fromProperties());
  }

  /**
   * {@code bundle} must be validated; a program runs on the model its {@code model} field
   * names ("" for the bundle's own). The programs' kept prefix states share the budget the
   * system properties set ({@link PrefixBudget#fromProperties}).
   */
  LoadedBundle(Bundle bundle, Map<String, StepperFactory> models) {
    this(bundle, models, null, PrefixBudget.fromProperties());
  }

  /** As {@link #LoadedBundle(Bundle, Map)}, the kept prefix states within {@code keptStates}. */
  LoadedBundle(Bundle bundle, Map<String, StepperFactory> models, PrefixBudget keptStates) {
    this(bundle, models, null, keptStates);
  }

  // No lambda here: each costs a cold JVM a class spun at its first call, on the way to the
  // first token.
  private LoadedBundle(Bundle bundle, Map<String, StepperFactory> models, StepperFactory only,
      PrefixBudget keptStates) {
    this.bundle = bundle;
    this.tokens = new TokenTable(bundle.getVocabulary());
    this.keptStates = keptStates;
    Map<String, Program> byName = new LinkedHashMap<>();
    for (dev.wasmformer.runtime.format.Program program : bundle.getProgramsList()) {
      byName.put(program.getName(), new Program(program, tokens,
          only != null ? only : models.get(program.getModel()), keptStates));
    }
    this.programs = Collections.unmodifiableMap(byName);
  }

  /** The budget its programs' kept prefix states share (for tests). */
  PrefixBudget prefixBudget() {
    return keptStates;
  }

  /** The programs in bundle order. */
  public List<Program> programs() {
    return List.copyOf(programs.values());
  }

  /**
   * The program called {@code name}.
   *
   * @throws IllegalArgumentException naming the available programs, if there is none
   */
  public Program program(String name) {
    Program program = programs.get(name);
    if (program == null) {
      throw new IllegalArgumentException(
          "no program \"" + name + "\" in this bundle; it has: "
              + (programs.isEmpty() ? "no programs" : String.join(", ", programs.keySet())));
    }
    return program;
  }

  /** The text of token {@code id}, e.g. for printing a trace. */
  public String tokenText(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IndexOutOfBoundsException(
          "token " + id + " is outside the vocabulary of " + tokens.size());
    }
    return tokens.text(id);
  }

  /** The validated bundle message (weights, vocabulary, programs, metadata), for tools. */
  public Bundle bundle() {
    return bundle;
  }
}
