package dev.wasmformer.trace;

import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.TokenProgram.FunctionInfo;
import dev.wasmformer.runtime.format.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the trace decoder needs to know of a program: its instructions as called (the
 * arguments patched into the entry stub), the names of its functions, and the frame
 * pointer and pc execution starts with.
 *
 * @param instructions the code, instruction 0 first
 * @param functions names by first instruction index (the stub at 0 included)
 * @param initialFp the entry stub's frame pointer
 * @param initialPc the first instruction executed
 */
public record TraceProgram(List<Instruction> instructions, List<FunctionInfo> functions, int initialFp, int initialPc) {
  /** The name of the entry stub's pseudo-function, as the lowering calls it. */
  static final String STUB = "(entry stub)";
  static final String JUMP_TO_STUB = "(entry jump)";

  public TraceProgram {
    instructions = List.copyOf(instructions);
    functions = functions.stream().sorted(Comparator.comparingInt(FunctionInfo::start)).toList();
  }

  /** A lowered program, called with {@code args} (one per parameter). */
  public static TraceProgram of(TokenProgram program, long... args) {
    if (args.length != program.params().size()) {
      throw new IllegalArgumentException(program.name() + " takes " + program.params().size() + " arguments, got "
          + args.length);
    }
    List<Instruction> code = new ArrayList<>(program.instructions());
    for (int i = 0; i < args.length; i++) {
      int at = program.paramInstructions().get(i);
      code.set(at, withImm(code.get(at), (int) args[i]));
      if (program.params().get(i).words() == 2) {
        code.set(at + 1, withImm(code.get(at + 1), (int) (args[i] >>> 32)));
      }
    }
    return new TraceProgram(code, program.functions(), program.globals(), 0);
  }

  /**
   * A program of a bundle, read back from its prompt, called with {@code args}. A bundle
   * does not keep function names: functions are named after the instruction they start at,
   * except the entry function, named after the program's entry.
   */
  public static TraceProgram of(Program program, TraceVocabulary vocabulary, long... args) {
    if (args.length != program.getParamsCount()) {
      throw new IllegalArgumentException(program.getName() + " takes " + program.getParamsCount()
          + " arguments, got " + args.length);
    }
    List<Integer> prefix = new ArrayList<>(program.getPrefixList());
    Map<Integer, Integer> argumentBytes = new HashMap<>();
    int position = 0;
    for (int p = 0; p < args.length; p++) {
      var type = program.getParams(p);
      int bytes = type == dev.wasmformer.runtime.format.ValueType.I64 || type == dev.wasmformer.runtime.format.ValueType.F64
          || type == dev.wasmformer.runtime.format.ValueType.BYTES ? 8 : 4;
      for (int b = 0; b < bytes; b++) {
        argumentBytes.put(program.getParamPositions(position++), (int) (args[p] >>> (8 * b)) & 0xFF);
      }
    }
    List<Instruction> code = new ArrayList<>();
    // eight tokens per instruction, the opcode and seven field bytes, from the first opcode on:
    // after BOS, the memory image and its end marker (or, in bundles before session 10, right
    // after BOS); a specialized model's prompt has none
    int first = 1;
    while (first < prefix.size() && vocabulary.kind(prefix.get(first)) != Kind.OPCODE) first++;
    for (int at = first; at + 8 <= prefix.size() && vocabulary.kind(prefix.get(at)) == Kind.OPCODE; at += 8) {
      Opcode op = opcode(vocabulary.text(prefix.get(at)));
      int[] field = new int[7];
      for (int f = 0; f < 7; f++) {
        Integer patched = argumentBytes.get(at + 1 + f);
        field[f] = patched != null ? patched : vocabulary.value(prefix.get(at + 1 + f));
      }
      int imm = field[3] | field[4] << 8 | field[5] << 16 | field[6] << 24;
      code.add(new Instruction(op, field[0], field[1], field[2], imm));
    }
    int fp = 0;
    int pc = 0;
    for (int token : program.getSuffixList()) {
      int v = vocabulary.value(token);
      Kind k = vocabulary.kind(token);
      if (k == Kind.FP_LO) fp = (fp & ~0xFF) | v;
      if (k == Kind.FP_HI) fp = (fp & 0xFF) | v << 8;
      if (k == Kind.JUMP_LO) pc = (pc & ~0xFF) | v;
      if (k == Kind.JUMP_HI) pc = (pc & 0xFF) | v << 8;
    }
    return new TraceProgram(code, namesFromCalls(code, program.getEntry()), fp, pc);
  }

  /** The same program with the given function names (e.g. from the lowering of the same module). */
  public TraceProgram withFunctions(List<FunctionInfo> names) {
    return new TraceProgram(instructions, names, initialFp, initialPc);
  }

  /** The name of the function holding instruction {@code pc}. */
  public String functionAt(int pc) {
    String name = "?";
    for (FunctionInfo f : functions) {
      if (f.start() > pc) break;
      name = f.name();
    }
    return name;
  }

  private static Opcode opcode(String text) {
    try {
      return Opcode.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the program has an unknown opcode token \"" + text + "\"");
    }
  }

  private static List<FunctionInfo> namesFromCalls(List<Instruction> code, String entry) {
    TreeMap<Integer, String> names = new TreeMap<>();
    names.put(0, STUB);
    // A program with parameters starts with a jump to its stub, the last function.
    int stub = 0;
    if (!code.isEmpty() && code.get(0).op() == Opcode.JUMP) {
      stub = code.get(0).imm();
      names.put(0, JUMP_TO_STUB);
      names.put(stub, STUB);
    }
    int entryStart = -1;
    for (int i = 0; i < code.size(); i++) {
      Instruction in = code.get(i);
      if (in.op() != Opcode.CALL) continue;
      int target = in.imm() & 0xFFFF;
      names.putIfAbsent(target, "func@" + target);
      // the stub's last call enters the entry point; earlier ones run the start function
      if (names.floorKey(i) == stub && target != stub) entryStart = target;
    }
    if (entryStart > 0 && !entry.isEmpty()) names.put(entryStart, entry);
    List<FunctionInfo> functions = new ArrayList<>();
    names.forEach((start, name) -> functions.add(new FunctionInfo(name, start)));
    return functions;
  }

  private static Instruction withImm(Instruction in, int imm) {
    return new Instruction(in.op(), in.x(), in.y(), in.z(), imm);
  }
}
