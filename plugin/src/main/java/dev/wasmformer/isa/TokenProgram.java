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
 *     whose immediate receives it (an i64 parameter names the low word's CONST; the high
 *     word's CONST follows at the next index)
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

  /** The value types the ISA distinguishes at a program's boundary. */
  public enum ValueKind { I32, I64 }

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
