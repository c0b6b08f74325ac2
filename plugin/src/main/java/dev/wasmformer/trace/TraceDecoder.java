package dev.wasmformer.trace;

import dev.wasmformer.interpreter.TracePlan;
import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.TraceListener;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Turns the token ids of a trace into one {@link TraceStep} per executed instruction, each
 * handed to a consumer as soon as its last token arrives. Use it as the run's trace
 * listener:
 *
 * <pre>{@code
 * TraceDecoder decoder = TraceDecoder.of(bundle.bundle(), "fib", new long[] {7}, step -> ...);
 * bundle.program("fib").run(RunOptions.defaults().withArgs(7).withTraceListener(decoder));
 * }</pre>
 *
 * <p>Not thread-safe; one decoder per run. An exception thrown by the consumer ends the run
 * (the runtime lets it through), which is how a caller stops a trace early.
 */
public final class TraceDecoder implements TraceListener {
  private final TraceProgram program;
  private final TraceVocabulary vocabulary;
  private final Consumer<? super TraceStep> sink;

  private int pc;
  private int fp;
  private long generated;
  private long executed;
  private boolean ended;
  private int trapAddressBytes;
  private int trapAddress;
  private int trapPc = -1;

  // the instruction being decoded; plan == null between instructions
  private List<Kind> plan;
  private int lane;
  private int stepPc;
  private int stepFp;
  private long stepFirstToken;
  private Instruction instruction;
  private final List<TraceEffect> effects = new ArrayList<>();
  private final List<Integer> bytes = new ArrayList<>();
  private int jumpLo = -1;
  private int jumpHi = -1;
  private int fpLo = -1;
  private int fpHi = -1;
  private boolean notTaken;
  private long result;
  private int resultBytes;

  public TraceDecoder(TraceProgram program, TraceVocabulary vocabulary, Consumer<? super TraceStep> sink) {
    this.program = program;
    this.vocabulary = vocabulary;
    this.sink = sink;
    this.pc = program.initialPc();
    this.fp = program.initialFp();
  }

  /** A decoder for a lowered program run with {@code args}, in the vocabulary today's compiler writes. */
  public static TraceDecoder of(TokenProgram program, long[] args, Consumer<? super TraceStep> sink) {
    return new TraceDecoder(TraceProgram.of(program, args), TraceVocabulary.of(new Vocab()), sink);
  }

  /** A decoder for the program {@code name} of a bundle, run with {@code args}. */
  public static TraceDecoder of(Bundle bundle, String name, long[] args, Consumer<? super TraceStep> sink) {
    TraceVocabulary vocabulary = TraceVocabulary.of(bundle.getVocabulary());
    Program program = bundle.getProgramsList().stream().filter(p -> p.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no program \"" + name + "\" in the bundle"));
    return new TraceDecoder(TraceProgram.of(program, vocabulary, args), vocabulary, sink);
  }

  /** Decodes a whole trace at once. */
  public static List<TraceStep> decode(TraceProgram program, TraceVocabulary vocabulary, int[] trace) {
    List<TraceStep> steps = new ArrayList<>();
    TraceDecoder decoder = new TraceDecoder(program, vocabulary, steps::add);
    for (int token : trace) decoder.onToken(token);
    return steps;
  }

  /** Instructions decoded so far. */
  public long executed() {
    return executed;
  }

  /** Whether the trace has reached HALT or a trap. */
  public boolean ended() {
    return ended;
  }

  /**
   * Takes the next generated token.
   *
   * @throws TraceDecodingException if the token does not fit the trace layout
   */
  @Override
  public void onToken(int token) {
    long position = generated++;
    if (token < 0 || token >= vocabulary.size()) {
      throw malformed(position, token, "the token is outside the vocabulary of " + vocabulary.size());
    }
    if (ended) {
      // the trace ends with the trapping instruction's index: two TRAP_ADDRESS tokens after
      // TRAP, high byte first, which must name the instruction the decoder followed there
      if (trapPc >= 0 && vocabulary.isTrapAddress(token) && trapAddressBytes < 2) {
        trapAddress = trapAddress << 8 | vocabulary.value(token);
        if (++trapAddressBytes == 2 && trapAddress != trapPc) {
          throw malformed(position, token, "the trap's address is instruction " + trapAddress
              + ", but the trace trapped at instruction " + trapPc);
        }
        return;
      }
      throw malformed(position, token, "the program has already stopped");
    }
    Kind kind = vocabulary.kind(token);
    if (plan == null) {
      if (kind != Kind.START) throw malformed(position, token, "expected the START of instruction " + pc);
      begin(position);
      if (plan.isEmpty()) finish();
      return;
    }
    if (kind == Kind.TRAP) {
      effects.add(new TraceEffect.Trap(vocabulary.text(token)));
      ended = true;
      trapPc = stepPc;
      finish();
      return;
    }
    Kind expected = plan.get(lane);
    boolean conditional = instruction.op() == Opcode.JUMP_IF || instruction.op() == Opcode.JUMP_IFZ;
    if (kind != expected && !(conditional && kind == Kind.NO_JUMP)) {
      throw malformed(position, token, "expected " + expected.name().toLowerCase() + " (token " + (lane + 2) + " of "
          + (plan.size() + 1) + ") of " + instruction.op() + " at instruction " + stepPc);
    }
    take(kind, vocabulary.value(token));
    lane++;
    if (lane == plan.size()) finish();
  }

  private void begin(long position) {
    if (pc < 0 || pc >= program.instructions().size()) {
      throw new TraceDecodingException("trace token " + position + ": instruction " + pc + " is outside the program ("
          + program.instructions().size() + " instructions)");
    }
    instruction = program.instructions().get(pc);
    plan = TracePlan.afterStart(instruction.op());
    lane = 0;
    stepPc = pc;
    stepFp = fp;
    stepFirstToken = position;
    effects.clear();
    bytes.clear();
    jumpLo = jumpHi = fpLo = fpHi = -1;
    notTaken = false;
    result = 0;
    resultBytes = 0;
  }

  private void take(Kind kind, int value) {
    switch (kind) {
      case BYTE -> bytes.add(value);
      case OUT -> effects.add(new TraceEffect.Output(value));
      case ERR -> effects.add(new TraceEffect.ErrorOutput(value));
      case RESULT -> result |= (long) value << (8 * resultBytes++);
      case JUMP_LO -> jumpLo = value;
      case JUMP_HI -> jumpHi = value;
      case FP_LO -> fpLo = value;
      case FP_HI -> fpHi = value;
      case NO_JUMP -> notTaken = true;
      case HALT -> ended = true;
      default -> {} // CARRY, DIGIT, READ: the interpreter's working, not an effect
    }
  }

  private void finish() {
    Opcode op = instruction.op();
    List<TraceEffect> all = new ArrayList<>();
    if (op.isStore() && !bytes.isEmpty()) {
      all.add(new TraceEffect.MemoryWrite(instruction.imm(), bytes));
    } else if (TracePlan.highWordLane(op) >= 0 && bytes.size() >= 8) {
      // an i64 result: the low word to slot z, then the high word to slot z + 1
      all.add(new TraceEffect.SlotWrite(writtenSlot(op), word(bytes.size() - 8)));
      all.add(new TraceEffect.SlotWrite(writtenSlot(op) + 1, word(bytes.size() - 4)));
    } else if (TracePlan.wordLane(op) >= 0 && bytes.size() >= 4) {
      all.add(new TraceEffect.SlotWrite(writtenSlot(op), word(bytes.size() - 4)));
    }
    all.addAll(effects.stream()
        .filter(e -> e instanceof TraceEffect.Output || e instanceof TraceEffect.ErrorOutput).toList());
    int next = stepPc + 1;
    boolean jumped = jumpLo >= 0 && jumpHi >= 0;
    if (jumped) next = jumpLo | jumpHi << 8;
    if (fpLo >= 0 && fpHi >= 0) fp = fpLo | fpHi << 8;
    if (op == Opcode.CALL && jumped) {
      all.add(new TraceEffect.Call(next, fp));
    } else if ((op == Opcode.RETURN || op == Opcode.RETURN_VALUE) && jumped) {
      all.add(new TraceEffect.Return(next, fp));
    } else if (jumped) {
      all.add(new TraceEffect.Jump(next, true));
    } else if (notTaken) {
      all.add(new TraceEffect.Jump(instruction.imm() & 0xFFFF, false));
    }
    if (ended) {
      effects.stream().filter(e -> e instanceof TraceEffect.Trap).forEach(all::add);
      if (all.stream().noneMatch(e -> e instanceof TraceEffect.Trap)) all.add(new TraceEffect.Halt(result()));
    }
    pc = next;
    executed++;
    int tokens = lane + 1 + (ended && lane < plan.size() ? 1 : 0);
    TraceStep step = new TraceStep(executed, stepPc, program.functionAt(stepPc), instruction, stepFp, stepFirstToken,
        tokens, all);
    plan = null;
    sink.accept(step);
  }

  /** The little-endian word of the four trace bytes from {@code from}. */
  private int word(int from) {
    return bytes.get(from) | bytes.get(from + 1) << 8 | bytes.get(from + 2) << 16 | bytes.get(from + 3) << 24;
  }

  /** The absolute slot an instruction's word goes to, as the interpreter addresses it. */
  private int writtenSlot(Opcode op) {
    return switch (op) {
      case GLOBAL_SET -> instruction.imm() & 0xFFFF;
      case RETURN_VALUE -> stepFp;
      default -> stepFp + instruction.z();
    };
  }

  private OptionalLong result() {
    return switch (resultBytes) {
      case 0 -> OptionalLong.empty();
      case 4 -> OptionalLong.of((int) result);
      default -> OptionalLong.of(result);
    };
  }

  private TraceDecodingException malformed(long position, int token, String problem) {
    return new TraceDecodingException("trace token " + position + " (" + vocabulary.text(token) + "): " + problem);
  }
}
