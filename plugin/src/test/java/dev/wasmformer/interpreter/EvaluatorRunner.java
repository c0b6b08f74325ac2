package dev.wasmformer.interpreter;

import dev.wasmformer.graph.Evaluator;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.runtime.format.Program;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Runs a program on a token stepper (evaluator or transformer) and decodes the trace. */
final class EvaluatorRunner {
  /** How a run ended; {@code trapAddress} is the instruction index the trace reports after a trap, else -1. */
  record Outcome(List<Integer> trace, byte[] output, long result, String trap, int instructions, int trapAddress,
      byte[] errorOutput) {}

  static Outcome run(Vocab vocab, Program program, long[] args, byte[] input, IntUnaryOperator stepper, long maxTokens) {
    List<Integer> prompt = new ArrayList<>(program.getPrefixList());
    int k = 0;
    for (int i = 0; i < args.length; i++) {
      int bytes = program.getParams(i).getNumber() == 2 ? 8 : 4;
      for (int b = 0; b < bytes; b++) {
        prompt.set(program.getParamPositions(k++), vocab.id(Kind.FIELD, (int) ((args[i] >>> (8 * b)) & 0xFF)));
      }
    }
    for (byte b : input) prompt.add(vocab.id(Kind.INPUT, b & 0xFF));
    prompt.add(vocab.id(Kind.INPUT_END));
    prompt.addAll(program.getSuffixList());
    int next = -1;
    for (int t : prompt) next = stepper.applyAsInt(t);
    List<Integer> trace = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long result = 0;
    int resultBytes = 0;
    int instructions = 0;
    while (trace.size() < maxTokens) {
      trace.add(next);
      Kind kind = vocab.kind(next);
      if (kind == Kind.START) instructions++;
      if (kind == Kind.OUT) out.write(vocab.value(next));
      if (kind == Kind.ERR) err.write(vocab.value(next));
      if (kind == Kind.RESULT) result |= ((long) vocab.value(next)) << (8 * resultBytes++);
      if (kind == Kind.HALT) {
        return new Outcome(trace, out.toByteArray(), resultBytes == 8 ? result : (int) result, null, instructions, -1,
            err.toByteArray());
      }
      if (kind == Kind.TRAP || kind == Kind.LATER_TRAP) {
        // the trace ends with the trapping instruction's index, high byte first
        int address = 0;
        for (int b = 0; b < 2; b++) {
          next = stepper.applyAsInt(next);
          trace.add(next);
          if (vocab.kind(next) != Kind.TRAP_ADDRESS) {
            throw new IllegalStateException("expected a trap address after the trap, got " + vocab.text(next));
          }
          address = address << 8 | vocab.value(next);
        }
        return new Outcome(trace, out.toByteArray(), 0, vocab.text(trace.get(trace.size() - 3)), instructions, address,
            err.toByteArray());
      }
      next = stepper.applyAsInt(next);
    }
    throw new IllegalStateException("no halt within " + maxTokens + " tokens; trace tail: " + tail(vocab, trace));
  }

  static String tail(Vocab vocab, List<Integer> trace) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, trace.size() - 40); i < trace.size(); i++) sb.append(vocab.text(trace.get(i))).append(' ');
    return sb.toString();
  }

  static Outcome evaluate(Graph graph, Vocab vocab, Program program, long[] args, byte[] input, long maxTokens) {
    Evaluator ev = new Evaluator(graph);
    return run(vocab, program, args, input, ev::step, maxTokens);
  }
}
