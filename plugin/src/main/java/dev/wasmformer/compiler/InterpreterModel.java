package dev.wasmformer.compiler;

import dev.wasmformer.assembly.AssembledModel;
import dev.wasmformer.assembly.Assembler;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An interpreter model: its vocabulary, its graph and the weights compiled from it, and the
 * opcodes it executes. The universal one executes every supported opcode and is built once
 * per JVM and shared; a restricted one executes only some (any program of those runs on it);
 * a specialized one has one program baked in.
 */
public record InterpreterModel(Vocab vocab, Graph graph, AssembledModel weights, double compileSeconds,
    Set<Opcode> opcodes) {
  private static volatile InterpreterModel shared;

  /** The shared instance, built on first use. */
  public static InterpreterModel get() {
    InterpreterModel m = shared;
    if (m == null) {
      synchronized (InterpreterModel.class) {
        m = shared;
        if (m == null) shared = m = build();
      }
    }
    return m;
  }

  /**
   * The interpreter specialized to one program: its instructions are baked into the weights
   * (see {@code InterpreterGraph.build(Vocab, TokenProgram)}); encode the program with
   * {@code ProgramEncoder.encodeSpecialized}.
   */
  public static InterpreterModel specialized(TokenProgram program) {
    long t0 = System.nanoTime();
    Vocab vocab = new Vocab();
    Graph graph = InterpreterGraph.build(vocab, program);
    AssembledModel weights = Assembler.assemble(graph);
    return new InterpreterModel(vocab, graph, weights, (System.nanoTime() - t0) / 1e9,
        InterpreterGraph.opcodesOf(program));
  }

  /** Models restricted to an opcode set, the most recently used last (a few per JVM). */
  private static final Map<Set<Opcode>, InterpreterModel> RESTRICTED = new LinkedHashMap<>(16, 0.75f, true);
  private static final int RESTRICTED_KEPT = 8;

  /**
   * The universal interpreter restricted to {@code opcodes} (see {@code
   * InterpreterGraph.build(Vocab, Set)}): every program whose instructions use only those
   * opcodes runs on it with the universal model's trace; the logic of the others folds away.
   * The model for all supported opcodes is {@link #get()}. Built on first use per set; the
   * last few are kept.
   */
  public static InterpreterModel forOpcodes(Set<Opcode> opcodes) {
    Set<Opcode> key = Collections.unmodifiableSet(EnumSet.copyOf(opcodes));
    if (key.equals(InterpreterGraph.SUPPORTED)) return get();
    synchronized (RESTRICTED) {
      InterpreterModel m = RESTRICTED.get(key);
      if (m != null) return m;
    }
    InterpreterModel m = build(key);
    synchronized (RESTRICTED) {
      RESTRICTED.put(key, m);
      if (RESTRICTED.size() > RESTRICTED_KEPT) RESTRICTED.remove(RESTRICTED.keySet().iterator().next());
    }
    return m;
  }

  /** Builds a fresh instance restricted to {@code opcodes} (see {@link #forOpcodes}), timing the weight compilation. */
  public static InterpreterModel build(Set<Opcode> opcodes) {
    long t0 = System.nanoTime();
    Vocab vocab = new Vocab();
    Set<Opcode> set = Collections.unmodifiableSet(EnumSet.copyOf(opcodes));
    Graph graph = InterpreterGraph.build(vocab, set);
    AssembledModel weights = Assembler.assemble(graph);
    return new InterpreterModel(vocab, graph, weights, (System.nanoTime() - t0) / 1e9, set);
  }

  /** Builds a fresh instance (graph and weights), timing the weight compilation. */
  public static InterpreterModel build() {
    long t0 = System.nanoTime();
    Vocab vocab = new Vocab();
    Graph graph = InterpreterGraph.build(vocab);
    AssembledModel weights = Assembler.assemble(graph);
    return new InterpreterModel(vocab, graph, weights, (System.nanoTime() - t0) / 1e9, InterpreterGraph.SUPPORTED);
  }
}
