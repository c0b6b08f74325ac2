package dev.wasmformer.isa;

import java.util.List;

/**
 * A lowered program: the instruction list (index 0 is the entry stub), the initial memory
 * image, and how a call is placed into the stub.
 *
 * @param name program name (usually the C file's or the export's name)
 * @param entry the exported function the stub calls
 * @param params parameter types of the entry function
 * @param results result types of the entry function (empty or one element)
 * @param instructions the code; instruction 0 is the first executed
 * @param memory initial contents of linear memory from address 0 (data segments; may be
 *     shorter than the memory, the rest reads as zero)
 * @param memoryBytes size of linear memory in bytes
 * @param globals number of global slots (absolute slots 0..globals-1)
 * @param paramInstructions for each parameter, the index of the stub's CONST instruction
 *     whose immediate receives it (a two-word parameter names the low word's CONST; the high
 *     word's CONST, or a buffer's length CONST, follows at the next index)
 * @param functions names of functions by their first instruction index, for traces and errors
 */
public record TokenProgram(
    String name,
    String entry,
    List<ValueKind> params,
    List<ValueKind> results,
    List<Instruction> instructions,
    byte[] memory,
    int memoryBytes,
    int globals,
    List<Integer> paramInstructions,
    List<FunctionInfo> functions) {

  /**
   * What a program's parameter or result holds, and how many 32-bit words the stub's CONSTs
   * give it. F32 and F64 travel exactly as I32 and I64 (their IEEE bits); only their meaning
   * to a caller differs. A BYTES parameter is a byte buffer in the program's memory: its two
   * words are the buffer's address (what the entry function receives, an i32) and its length,
   * and after the entry function returns the stub writes the buffer's bytes to the output.
   */
  public enum ValueKind {
    I32(1), I64(2), F32(1), F64(2), BYTES(2);

    private final int words;

    ValueKind(int words) {
      this.words = words;
    }

    /** The number of stub CONSTs (32-bit words) that carry it: 1 or 2. */
    public int words() {
      return words;
    }

    /** The wasm type of the value the entry function sees: I32 (also for an address) or I64. */
    public ValueKind wasm() {
      return this == I64 || this == F64 ? I64 : I32;
    }
  }

  /** A function's name and its first instruction index. */
  public record FunctionInfo(String name, int start) {}

  public TokenProgram {
    params = List.copyOf(params);
    results = List.copyOf(results);
    instructions = List.copyOf(instructions);
    memory = memory.clone();
    paramInstructions = List.copyOf(paramInstructions);
    functions = List.copyOf(functions);
  }

  @Override
  public byte[] memory() {
    return memory.clone();
  }

  /** The same program under another name (e.g. the C file's rather than the export's). */
  public TokenProgram withName(String newName) {
    return new TokenProgram(newName, entry, params, results, instructions, memory, memoryBytes,
        globals, paramInstructions, functions);
  }

  /**
   * The same program with its boundary read another way: a float where the lowering saw an
   * i32, a double for an i64. Only the meaning changes, so each new kind must be carried as
   * the old one is; a buffer stays a buffer (its stub copies it out).
   *
   * @throws IllegalArgumentException if a kind would change its words or buffer-ness
   */
  public TokenProgram withTypes(List<ValueKind> newParams, List<ValueKind> newResults) {
    check("parameters", params, newParams);
    check("results", results, newResults);
    return new TokenProgram(name, entry, newParams, newResults, instructions, memory, memoryBytes,
        globals, paramInstructions, functions);
  }

  private void check(String what, List<ValueKind> old, List<ValueKind> now) {
    boolean same = old.size() == now.size();
    for (int i = 0; same && i < old.size(); i++) {
      same = old.get(i).wasm() == now.get(i).wasm()
          && (old.get(i) == ValueKind.BYTES) == (now.get(i) == ValueKind.BYTES);
    }
    if (!same) {
      throw new IllegalArgumentException(name + ": its " + what + " " + old + " cannot be read as " + now);
    }
  }

  /** A readable listing: one instruction per line, each function introduced by its name. */
  public String listing() {
    StringBuilder text = new StringBuilder();
    int nextFunction = 0;
    for (int i = 0; i < instructions.size(); i++) {
      while (nextFunction < functions.size() && functions.get(nextFunction).start() == i) {
        text.append(functions.get(nextFunction++).name()).append(":\n");
      }
      text.append(String.format("%5d  %s%n", i, instructions.get(i)));
    }
    return text.toString();
  }
}
