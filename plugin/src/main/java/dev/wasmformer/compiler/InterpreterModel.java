package dev.wasmformer.compiler;

import dev.wasmformer.assembly.AssembledModel;
import dev.wasmformer.assembly.Assembler;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.isa.TokenProgram;

/**
 * An interpreter model: its vocabulary, its graph and the weights compiled from it. The
 * universal one is program-independent, so it is built once per JVM and shared; a
 * specialized one has one program baked in.
 */
public record InterpreterModel(Vocab vocab, Graph graph, AssembledModel weights, double compileSeconds) {
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
    return new InterpreterModel(vocab, graph, weights, (System.nanoTime() - t0) / 1e9);
  }

  /** Builds a fresh instance (graph and weights), timing the weight compilation. */
  public static InterpreterModel build() {
    long t0 = System.nanoTime();
    Vocab vocab = new Vocab();
    Graph graph = InterpreterGraph.build(vocab);
    AssembledModel weights = Assembler.assemble(graph);
    return new InterpreterModel(vocab, graph, weights, (System.nanoTime() - t0) / 1e9);
  }
}
