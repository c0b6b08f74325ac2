package dev.wasmformer.isa;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Executes a {@link TokenProgram} directly at the ISA level: the test oracle every other
 * execution of a token program (the interpreter graph, the transformer) must agree with.
 * It is deliberately plain: one switch over the opcodes, state in arrays.
 *
 * <p>Machine state: 65536 slots of 32 bits (absolute slots 0..globals-1 are the globals),
 * the frame pointer fp (initially {@code globals}), pc (initially 0), a call stack of
 * (return index, caller fp) pairs, linear memory of {@code memoryBytes} bytes, the input
 * bytes with a read position, and the output bytes. MEMORY_GROW enlarges the memory by whole
 * 64 KiB pages, never beyond {@link #MAX_MEMORY_PAGES}.
 */
public final class ReferenceInterpreter {
  /** Number of slots; a frame must fit entirely below this bound. */
  public static final int SLOT_COUNT = 65536;
  /** Largest frame pointer a CALL may create: the callee's whole slot window must exist. */
  public static final int MAX_FRAME_POINTER = SLOT_COUNT - 1 - Instruction.MAX_SLOT_OFFSET;
  /** Largest number of instructions a program may have (branch targets are 16 bits). */
  public static final int MAX_INSTRUCTIONS = 65536;
  /** Instruction budget of {@link #run(long[], byte[])}. */
  public static final long DEFAULT_INSTRUCTION_LIMIT = 1_000_000_000L;

  /**
   * The outcome of a run that halted.
   *
   * @param value the result, present when the program halted with HALT_I32 (the i32,
   *     sign-extended) or HALT_I64 (the i64)
   * @param output the bytes written by PUTCHAR
   * @param instructions the number of instructions executed, the stub's and the HALT included
   * @param errorOutput the bytes written by PUTCHAR_ERR (stderr)
   */
  public record Result(OptionalLong value, byte[] output, long instructions, byte[] errorOutput) {
    public Result {
      output = output.clone();
      errorOutput = errorOutput.clone();
    }

    /** A result without error output. */
    public Result(OptionalLong value, byte[] output, long instructions) {
      this(value, output, instructions, new byte[0]);
    }

    @Override
    public byte[] output() {
      return output.clone();
    }

    @Override
    public byte[] errorOutput() {
      return errorOutput.clone();
    }
  }

  private final TokenProgram program;

  /** Checks that {@code program} is well formed (targets, globals, slots) for execution. */
  public ReferenceInterpreter(TokenProgram program) {
    this.program = program;
    validate(program);
  }

  /** Runs with the default instruction budget. */
  public Result run(long[] args, byte[] input) {
    return run(args, input, DEFAULT_INSTRUCTION_LIMIT);
  }

  /**
   * Runs the program's entry with {@code args} (one per parameter; an i32 argument may be
   * given signed or unsigned, only its low 32 bits count; a two-word argument gives its low
   * word in the low 32 bits: a buffer's {@code address | (long) length << 32}, the buffer's
   * bytes being in the program's memory image already) and {@code input} as the bytes GETCHAR
   * reads.
   *
   * @throws Trap if execution traps or does not halt within {@code instructionLimit}
   */
  public Result run(long[] args, byte[] input, long instructionLimit) {
    Instruction[] code = patchArguments(args);
    byte[] memory = Arrays.copyOf(program.memory(), program.memoryBytes());
    int[] slots = new int[SLOT_COUNT];
    int[] returnPcs = new int[64];
    int[] callerFps = new int[64];
    int depth = 0;
    int fp = program.globals();
    int pc = 0;
    int inputPos = 0;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream errorOutput = new ByteArrayOutputStream();
    long steps = 0;

    while (true) {
      if (steps == instructionLimit) {
        throw new Trap(Trap.Cause.INSTRUCTION_LIMIT, pc, steps, output.toByteArray(), errorOutput.toByteArray());
      }
      steps++;
      Instruction in = code[pc];
      int x = fp + in.x();
      int y = fp + in.y();
      int z = fp + in.z();
      int next;
      try {
        // A switch expression, so that an opcode without a meaning here does not compile.
        next = switch (in.op()) {
          case NOP -> pc + 1;
          case CONST -> set(slots, z, in.imm(), pc);
          case COPY -> set(slots, z, slots[x], pc);
          case GLOBAL_GET -> set(slots, z, slots[in.imm()], pc);
          case GLOBAL_SET -> set(slots, in.imm(), slots[x], pc);
          case ADD, SUB, MUL, DIV_S, DIV_U, REM_S, REM_U, AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL,
              ROTR, EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U ->
              set(slots, z, I32Ops.binary(in.op(), slots[x], slots[y]), pc);
          case ADD_IMM, MUL_IMM, AND_IMM, OR_IMM, XOR_IMM, SHL_IMM, SHR_S_IMM, SHR_U_IMM, ROTL_IMM,
              ROTR_IMM, EQ_IMM, NE_IMM, LT_S_IMM, LT_U_IMM, GT_S_IMM, GT_U_IMM, LE_S_IMM, LE_U_IMM,
              GE_S_IMM, GE_U_IMM ->
              set(slots, z, I32Ops.binary(in.op().register(), slots[x], in.imm()), pc);
          case EQZ, CLZ, CTZ, POPCNT, EXTEND8_S, EXTEND16_S ->
              set(slots, z, I32Ops.unary(in.op(), slots[x]), pc);
          case SELECT -> set(slots, z, slots[fp + (in.imm() & 0xFF)] != 0 ? slots[x] : slots[y], pc);
          case LOAD32, LOAD8_S, LOAD8_U, LOAD16_S, LOAD16_U ->
              set(slots, z, I32Ops.load(in.op(), memory, address(in, slots[x], memory.length)), pc);
          case STORE32, STORE8, STORE16 -> {
            I32Ops.store(in.op(), memory, address(in, slots[x], memory.length), slots[y]);
            yield pc + 1;
          }
          case JUMP -> in.imm() & 0xFFFF;
          case JUMP_IF -> slots[x] != 0 ? in.imm() & 0xFFFF : pc + 1;
          case JUMP_IFZ -> slots[x] == 0 ? in.imm() & 0xFFFF : pc + 1;
          case CALL -> {
            int calleeFp = fp + in.x();
            if (calleeFp > MAX_FRAME_POINTER) throw new Trap(Trap.Cause.CALL_STACK_EXHAUSTED);
            if (depth == returnPcs.length) {
              returnPcs = Arrays.copyOf(returnPcs, depth * 2);
              callerFps = Arrays.copyOf(callerFps, depth * 2);
            }
            returnPcs[depth] = in.imm() >>> 16;
            callerFps[depth] = fp;
            depth++;
            fp = calleeFp;
            yield in.imm() & 0xFFFF;
          }
          case RETURN, RETURN_VALUE -> {
            if (in.op() == Opcode.RETURN_VALUE) slots[fp] = slots[x];
            if (depth == 0) throw new IllegalStateException("return without a caller at " + pc);
            depth--;
            fp = callerFps[depth];
            yield returnPcs[depth];
          }
          case PUTCHAR -> {
            output.write(slots[x] & 0xFF);
            yield pc + 1;
          }
          case PUTCHAR_ERR -> {
            errorOutput.write(slots[x] & 0xFF);
            yield pc + 1;
          }
          case GETCHAR -> set(slots, z, inputPos < input.length ? input[inputPos++] & 0xFF : -1, pc);
          case UNREACHABLE -> throw new Trap(Trap.Cause.UNREACHABLE);
          case TRAP -> throw new Trap(Trap.Cause.values()[in.imm()]);
          case HALT, HALT_I32, HALT_I64 -> HALTED;
          case JUMP_TABLE -> pc + 1 + (int) Math.min(Integer.toUnsignedLong(slots[x]), in.imm());
          case MEMORY_SIZE -> set(slots, z, memory.length / PAGE_BYTES, pc);
          case MEMORY_GROW -> {
            int oldPages = memory.length / PAGE_BYTES;
            long newPages = oldPages + Integer.toUnsignedLong(slots[x]);
            if (newPages <= in.imm()) {
              memory = Arrays.copyOf(memory, memory.length + slots[x] * PAGE_BYTES);
              yield set(slots, z, oldPages, pc);
            }
            yield set(slots, z, -1, pc);
          }
          case ADD64, SUB64, MUL64, DIV64_S, DIV64_U, REM64_S, REM64_U, SHL64, SHR64_S, SHR64_U, ROTL64,
              ROTR64 -> {
            long value = I64Ops.binary(in.op(), pair(slots, x), pair(slots, y));
            slots[z] = I64Ops.low(value);
            slots[z + 1] = I64Ops.high(value);
            yield pc + 1;
          }
          case EQ64, NE64, LT64_S, LT64_U, GT64_S, GT64_U, LE64_S, LE64_U, GE64_S, GE64_U ->
              set(slots, z, I64Ops.compare(in.op(), pair(slots, x), pair(slots, y)), pc);
          case EQZ64 -> set(slots, z, I64Ops.eqz(pair(slots, x)), pc);
        };
      } catch (Trap trap) {
        throw new Trap(trap.trapCause(), pc, steps, output.toByteArray(), errorOutput.toByteArray());
      }
      if (next == HALTED) {
        OptionalLong value = switch (in.op()) {
          case HALT_I32 -> OptionalLong.of(slots[x]);
          case HALT_I64 -> OptionalLong.of(pair(slots, x));
          default -> OptionalLong.empty();
        };
        return new Result(value, output.toByteArray(), steps, errorOutput.toByteArray());
      }
      pc = next;
    }
  }

  private static final int HALTED = -1;
  /** Bytes of a WebAssembly memory page, the unit of MEMORY_SIZE and MEMORY_GROW. */
  public static final int PAGE_BYTES = 65536;
  /** Largest memory a program may have or grow to: 256 pages, 16 MiB. */
  public static final int MAX_MEMORY_PAGES = 256;

  /** The i64 value of the slot pair at absolute slot {@code low}. */
  private static long pair(int[] slots, int low) {
    return I64Ops.pair(slots[low], slots[low + 1]);
  }

  /** Writes {@code value} to absolute slot {@code slot}; the next instruction follows. */
  private static int set(int[] slots, int slot, int value, int pc) {
    slots[slot] = value;
    return pc + 1;
  }

  /** The effective address {@code x + imm} (both unsigned), checked against the memory size. */
  private static int address(Instruction in, int base, int memoryBytes) {
    long address = Integer.toUnsignedLong(base) + Integer.toUnsignedLong(in.imm());
    if (address + I32Ops.accessWidth(in.op()) > memoryBytes) {
      throw new Trap(Trap.Cause.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    return (int) address;
  }

  /** The code with the stub's argument CONSTs set, as the runtime's prompt would carry them. */
  private Instruction[] patchArguments(long[] args) {
    List<TokenProgram.ValueKind> params = program.params();
    if (args.length != params.size()) {
      throw new IllegalArgumentException(
          program.entry() + " takes " + params.size() + " arguments, got " + args.length);
    }
    Instruction[] code = program.instructions().toArray(new Instruction[0]);
    for (int i = 0; i < args.length; i++) {
      int at = program.paramInstructions().get(i);
      if (params.get(i).words() == 1) {
        if (args[i] < Integer.MIN_VALUE || args[i] > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException("argument " + i + " does not fit in i32: " + args[i]);
        }
        code[at] = withImm(code[at], (int) args[i]);
      } else {
        code[at] = withImm(code[at], (int) args[i]);
        code[at + 1] = withImm(code[at + 1], (int) (args[i] >>> 32));
      }
    }
    return code;
  }

  private static Instruction withImm(Instruction in, int imm) {
    return new Instruction(in.op(), in.x(), in.y(), in.z(), imm);
  }

  private static void validate(TokenProgram p) {
    List<String> problems = new ArrayList<>();
    List<Instruction> code = p.instructions();
    if (code.isEmpty() || code.size() > MAX_INSTRUCTIONS) {
      problems.add("needs 1.." + MAX_INSTRUCTIONS + " instructions, has " + code.size());
    }
    if (p.globals() < 0 || p.globals() > MAX_FRAME_POINTER) {
      problems.add("global slot count out of range: " + p.globals());
    }
    if (p.memoryBytes() < 0 || p.memoryBytes() > MAX_MEMORY_PAGES * PAGE_BYTES) {
      problems.add("memory size out of range: " + p.memoryBytes());
    }
    if (p.memory().length > p.memoryBytes()) {
      problems.add("memory image of " + p.memory().length + " bytes exceeds the memory size "
          + p.memoryBytes());
    }
    for (int i = 0; i < code.size(); i++) {
      Instruction in = code.get(i);
      switch (in.op()) {
        case JUMP, JUMP_IF, JUMP_IFZ -> {
          if (in.imm() < 0 || in.imm() >= code.size()) problems.add(i + ": bad target in " + in);
        }
        case CALL -> {
          if ((in.imm() & 0xFFFF) >= code.size() || in.imm() >>> 16 != i + 1 || in.x() == 0) {
            problems.add(i + ": bad call " + in);
          }
        }
        case GLOBAL_GET, GLOBAL_SET -> {
          if (in.imm() < 0 || in.imm() >= p.globals()) problems.add(i + ": bad global in " + in);
        }
        case SELECT -> {
          if ((in.imm() & ~0xFF) != 0) problems.add(i + ": bad condition slot in " + in);
        }
        case JUMP_TABLE -> {
          if (in.imm() < 0 || (long) i + 1 + in.imm() >= code.size()) {
            problems.add(i + ": jump table beyond the code in " + in);
          } else {
            for (int entry = i + 1; entry <= i + 1 + in.imm(); entry++) {
              if (code.get(entry).op() != Opcode.JUMP) {
                problems.add(i + ": jump table entry " + entry + " is not a JUMP");
                break;
              }
            }
          }
        }
        case TRAP -> {
          if (in.imm() < 0 || in.imm() >= Trap.Cause.INSTRUCTION_LIMIT.ordinal()) problems.add(i + ": bad trap cause in " + in);
        }
        case MEMORY_GROW -> {
          if (in.imm() < 0 || in.imm() > MAX_MEMORY_PAGES) problems.add(i + ": bad page limit in " + in);
        }
        default -> {}
      }
      boolean pairX = in.op().isI64() || in.op() == Opcode.HALT_I64;
      boolean pairY = I64Ops.isBinary(in.op()) || I64Ops.isComparison(in.op());
      boolean pairZ = I64Ops.isBinary(in.op());
      if (pairX && in.x() == Instruction.MAX_SLOT_OFFSET || pairY && in.y() == Instruction.MAX_SLOT_OFFSET
          || pairZ && in.z() == Instruction.MAX_SLOT_OFFSET) {
        problems.add(i + ": a slot pair reaches beyond the frame in " + in);
      }
    }
    if (p.paramInstructions().size() != p.params().size()) {
      problems.add("has " + p.params().size() + " parameters but "
          + p.paramInstructions().size() + " argument instructions");
    }
    for (int at : p.paramInstructions()) {
      if (at < 0 || at >= code.size() || code.get(at).op() != Opcode.CONST) {
        problems.add("argument instruction " + at + " is not a CONST");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "malformed token program " + p.name() + ": " + String.join("; ", problems));
    }
  }
}
