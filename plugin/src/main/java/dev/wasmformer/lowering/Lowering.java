package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.ArgumentRegion;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Lowers a WebAssembly binary module to a {@link TokenProgram}: decodes and validates it
 * (with Chicory), then emits the entry stub followed by the entry function and every
 * function it can reach, in the order they are first called.
 */
public final class Lowering {
  private Lowering() {}

  /**
   * Lowers the exported function {@code entryOrNull} (null: {@code main}, else
   * {@code _start}) and everything it reaches, using every opcode of the ISA.
   *
   * @throws MalformedWasmException if the bytes are not a valid module
   * @throws UnsupportedWasmException if the module uses what the lowering does not support
   * @throws LoweringException if the entry function does not exist
   */
  public static TokenProgram lower(byte[] wasm, String entryOrNull) {
    return lower(wasm, entryOrNull, EnumSet.allOf(Opcode.class));
  }

  /**
   * Like {@link #lower(byte[], String)}, for a target that supports only the opcodes in
   * {@code supported}: a WebAssembly construct needing any other opcode is refused, and the
   * message names the construct, the function and the missing opcode.
   */
  public static TokenProgram lower(byte[] wasm, String entryOrNull, Set<Opcode> supported) {
    return lower(wasm, entryOrNull, supported, List.of(DEFAULT_PROGRAM_NAME));
  }

  /** The argv[0] a WASI program sees when no arguments are given: {@value}. */
  public static final String DEFAULT_PROGRAM_NAME = "program";

  /**
   * Like {@link #lower(byte[], String, Set)}, with {@code argv} (argv[0], the program's name,
   * first) as the arguments a WASI program's {@code args_get} returns until a run replaces them:
   * they are written into the argument area of the memory image ({@link #lowerProgram}). A
   * module that calls no args function ignores them.
   */
  public static TokenProgram lower(byte[] wasm, String entryOrNull, Set<Opcode> supported, List<String> argv) {
    return lowerProgram(wasm, entryOrNull, supported, argv).program();
  }

  /**
   * A lowered program, and the argument area its WASI args routines read (empty when it calls
   * none): the region a run fills with argc and the argv strings ({@code RunOptions.withArgv}).
   */
  public record Lowered(TokenProgram program, Optional<ArgumentRegion> argvArea) {}

  /**
   * Like {@link #lower(byte[], String, Set, List)}, also giving the argument area. A program
   * that calls {@code args_sizes_get} or {@code args_get} reads its argv from bytes 16..1023 of
   * its memory, which wasm-ld leaves unused below the data; the memory image holds {@code argv}
   * there.
   *
   * @throws UnsupportedWasmException if such a program's memory layout leaves no room for the
   *     area (data below 1024, or a stack below the data), or the arguments do not fit it
   */
  public static Lowered lowerProgram(byte[] wasm, String entryOrNull, Set<Opcode> supported, List<String> argv) {
    ModuleInfo module = new ModuleInfo(decode(wasm));
    EnumSet<Opcode> target = EnumSet.noneOf(Opcode.class);
    target.addAll(supported);
    Run run = new Run(module, target, List.copyOf(argv));
    TokenProgram p = run.lower(module.entry(entryOrNull), Set.of());
    return new Lowered(p, Optional.ofNullable(run.argvArea));
  }

  /**
   * Like {@link #lower(byte[], String, Set, List)}, where the entry's parameters at the indexes
   * {@code buffers} (each an i32 address) are byte buffers ({@link TokenProgram.ValueKind#BYTES}):
   * the caller places each buffer in memory and gives its address and length; after the entry
   * function returns, the stub writes every buffer's bytes to the output, in parameter order,
   * before it halts. Without buffers the stub is exactly {@link #lower(byte[], String, Set, List)}'s.
   *
   * @throws UnsupportedWasmException if a buffer parameter is not an i32
   */
  public static TokenProgram lower(byte[] wasm, String entryOrNull, Set<Opcode> supported, List<String> argv,
      Set<Integer> buffers) {
    ModuleInfo module = new ModuleInfo(decode(wasm));
    EnumSet<Opcode> target = EnumSet.noneOf(Opcode.class);
    target.addAll(supported);
    return new Run(module, target, List.copyOf(argv)).lower(module.entry(entryOrNull), Set.copyOf(buffers));
  }

  /**
   * Why {@code bytes} are not a WebAssembly binary module at all (no magic number, or a version
   * other than 1), in words, as {@link MalformedWasmException}'s message; null when they start as one. The decoder's own message for these
   * names its internals, not the file's problem.
   */
  public static String notAModule(byte[] bytes) {
    boolean magic = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    String prefix = "malformed or invalid WebAssembly module: ";
    if (!magic) {
      return prefix + (bytes.length == 0
          ? "the file is empty"
          : "it does not start with \\0asm, the magic number of a binary module (the text format is not read)");
    }
    if (bytes.length < 8) return prefix + "it ends inside its 8-byte header";
    int version = (bytes[4] & 0xFF) | (bytes[5] & 0xFF) << 8 | (bytes[6] & 0xFF) << 16 | (bytes[7] & 0xFF) << 24;
    if (version != 1) {
      return prefix + "binary version " + Integer.toUnsignedString(version)
          + " (version 1 is read; a component or a newer format is not)";
    }
    return null;
  }

  /**
   * Whether the module imports WASI functions (module {@code wasi_snapshot_preview1}): its
   * arguments are then argv strings, not entry parameters, and its result is its exit status.
   *
   * @throws MalformedWasmException if the bytes are not a valid module
   */
  public static boolean importsWasi(byte[] wasm) {
    return new ModuleInfo(decode(wasm)).importsWasi();
  }

  private static WasmModule decode(byte[] wasm) {
    String notWasm = notAModule(wasm);
    if (notWasm != null) throw new MalformedWasmException(notWasm);
    try {
      return Parser.parse(wasm);
    } catch (ChicoryException e) {
      throw new MalformedWasmException("malformed or invalid WebAssembly module: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // The decoder reports some truncated inputs only as index or buffer errors.
      throw new MalformedWasmException("malformed WebAssembly module: " + e, e);
    } catch (AssertionError e) {
      // With assertions on (-ea), the decoder's own checks can fire on a damaged body
      // before its validator gets to say what is wrong.
      throw new MalformedWasmException("malformed WebAssembly module: the decoder's check failed at "
          + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "an unknown place"), e);
    }
  }

  /**
   * Where the soft-float routines' functions start in a lowering's numbering of functions:
   * routine {@code f} of {@link FloatRoutines#module()} is function {@code ROUTINES + f}, far
   * beyond any module's own (2^24 functions would take hundreds of megabytes of module).
   */
  private static final int ROUTINES = 1 << 24;
  /** How a routine is named in a program's function table: {@code softfloat.__wf_dadd}. */
  static final String ROUTINE_PREFIX = "softfloat.";

  /** One lowering: the code being emitted and the functions placed so far. */
  private static final class Run implements FunctionLowering.Calls {
    private final ModuleInfo module;
    private final CodeBuffer out;
    private final List<Integer> order = new ArrayList<>();
    private final Map<Integer, Integer> starts = new HashMap<>();
    private final List<int[]> callSites = new ArrayList<>();
    private final List<String> argv;
    /**
     * For each soft-float routine placed so far: the program's construct it is lowered for,
     * the first to call it directly or through other routines.
     */
    private final Map<Integer, String> routineUsers = new HashMap<>();
    /** The argument area, once an args routine needs it. */
    private ArgumentRegion argvArea;

    Run(ModuleInfo module, Set<Opcode> supported, List<String> argv) {
      this.module = module;
      this.out = new CodeBuffer(supported);
      this.argv = argv;
    }

    TokenProgram lower(int entry, Set<Integer> buffers) {
      FunctionType entryType = module.type(entry);
      String entryName = module.name(entry);
      List<TokenProgram.ValueKind> params = new ArrayList<>(kinds(entryType.params(), entryName, "parameter"));
      for (int b : buffers) {
        if (b < 0 || b >= params.size() || params.get(b) != TokenProgram.ValueKind.I32) {
          throw new UnsupportedWasmException("parameter " + b + " of " + entryName
              + " cannot be a byte buffer: it is no i32 address");
        }
        params.set(b, TokenProgram.ValueKind.BYTES);
      }
      List<TokenProgram.ValueKind> results = kinds(entryType.returns(), entryName, "result");
      if (results.size() > 1) {
        throw new UnsupportedWasmException("unsupported multiple results in function " + entryName);
      }
      // A WASI program's result is its exit status: 0 when an entry without result returns.
      boolean statusZero = module.importsWasi() && results.isEmpty();
      if (statusZero) results = List.of(TokenProgram.ValueKind.I32);
      List<Integer> paramInstructions = new ArrayList<>();
      int bufferCount = buffers.size();
      // With parameters, instruction 0 jumps to the stub at the end of the code: the arguments'
      // immediates then come after every function in the prompt, so the prompt's part that no
      // run changes holds all the code (a Program keeps the state after it, see PrefixCache).
      boolean stubLast = !params.isEmpty();
      int jumpToStub = -1;
      List<TokenProgram.FunctionInfo> functions = new ArrayList<>();
      if (stubLast) {
        out.lowering("entry stub");
        jumpToStub = out.emit(Opcode.JUMP, 0, 0, 0, 0);
        functions.add(new TokenProgram.FunctionInfo("(entry jump)", 0));
        // the functions the stub calls come first, in its order, as when it comes first
        OptionalInt start = module.startFunction();
        if (start.isPresent() && !module.isImport(start.getAsInt())) order.add(start.getAsInt());
        if (!order.contains(entry)) order.add(entry);
      } else {
        emitStub(entry, params, results, statusZero, paramInstructions);
        functions.add(new TokenProgram.FunctionInfo("(entry stub)", 0));
      }
      for (int i = 0; i < order.size(); i++) {
        int function = order.get(i);
        starts.put(function, out.next());
        if (function >= ROUTINES) {
          ModuleInfo routines = FloatRoutines.module();
          int routine = function - ROUTINES;
          functions.add(new TokenProgram.FunctionInfo(ROUTINE_PREFIX + routines.name(routine), out.next()));
          String user = routineUsers.get(function);
          out.routineFor(user);
          new FunctionLowering(routines, routine, out, new FunctionLowering.Calls() {
            @Override
            public void callAt(int instruction, int callee) {
              routineUsers.putIfAbsent(ROUTINES + callee, user);
              Run.this.callAt(instruction, ROUTINES + callee);
            }

            @Override
            public void callRoutineAt(int instruction, String name) {
              throw new IllegalStateException("soft-float routine " + routines.name(routine) + " uses " + name);
            }
          }).lower();
          out.endRoutine();
        } else if (module.isImport(function)) {
          // only WASI imports are called with CALL (FunctionLowering checked it)
          WasiRoutines.Function wasi = module.wasiFunction(function).orElseThrow();
          functions.add(new TokenProgram.FunctionInfo(WasiRoutines.routineName(wasi), out.next()));
          boolean readsArgv = wasi == WasiRoutines.Function.ARGS_GET || wasi == WasiRoutines.Function.ARGS_SIZES_GET;
          if (readsArgv && argvArea == null) argvArea = module.argvArea();
          WasiRoutines.emit(out, wasi, readsArgv ? argvArea.address() : 0, results.get(0).wasm());
        } else {
          functions.add(new TokenProgram.FunctionInfo(module.name(function), out.next()));
          new FunctionLowering(module, function, out, this).lower();
        }
      }
      if (stubLast) {
        out.patchTarget(jumpToStub, out.next());
        functions.add(new TokenProgram.FunctionInfo("(entry stub)", out.next()));
        emitStub(entry, params, results, statusZero, paramInstructions);
      }
      for (int[] site : callSites) {
        out.patchTarget(site[0], starts.get(site[1]));
      }
      threadJumps();
      byte[] memory = argvArea == null ? module.memoryImage() : withArgv(module.memoryImage(), argvArea, argv);
      return new TokenProgram(entryName, entryName, params, results, out.instructions(), memory,
          module.memoryBytes(), module.globalSlots() + 2 * bufferCount, paramInstructions, functions);
    }

    /**
     * The memory image with argc and the NUL-terminated argv strings at the argument area, as
     * a run's {@code RunOptions.withArgv} writes them.
     */
    private static byte[] withArgv(byte[] image, ArgumentRegion area, List<String> argv) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 4; i++) bytes.write(argv.size() >>> (8 * i));
      for (String a : argv) {
        bytes.writeBytes(a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(0);
      }
      if (bytes.size() > area.size()) {
        throw new UnsupportedWasmException("the arguments take " + bytes.size()
            + " bytes (argc and the NUL-terminated strings); the program's argument area holds " + area.size());
      }
      byte[] memory = java.util.Arrays.copyOf(image, Math.max(image.length, area.address() + bytes.size()));
      System.arraycopy(bytes.toByteArray(), 0, memory, area.address(), bytes.size());
      return memory;
    }

    /**
     * The stub's frame starts at the first slot after the globals; its slot 0 is reserved,
     * so the called function's frame (at slot 1) starts strictly above it. Every value is
     * loaded word by word: an i64 global or argument takes two CONSTs, low word first.
     */
    private void emitStub(int entry, List<TokenProgram.ValueKind> params, List<TokenProgram.ValueKind> results,
        boolean statusZero, List<Integer> paramInstructions) {
      out.lowering("entry stub");
      for (ModuleInfo.GlobalInfo global : module.globals()) {
        if (global.initialValue().isPresent()) {
          long value = global.initialValue().getAsLong();
          for (int word = 0; word < global.width(); word++) {
            out.emit(Opcode.CONST, 0, 0, 1, (int) (value >>> (32 * word)));
            out.emit(Opcode.GLOBAL_SET, 1, 0, 0, global.slot() + word);
          }
        }
      }
      OptionalInt start = module.startFunction();
      if (start.isPresent()) {
        if (module.isImport(start.getAsInt())) {
          throw new UnsupportedWasmException("unsupported start function " + module.name(start.getAsInt())
              + ": it is an import");
        }
        callAt(out.emit(Opcode.CALL, 1, 0, 0, (out.next() + 1) << 16), start.getAsInt());
      }
      int words = params.stream().mapToInt(p -> p.wasm().words()).sum();
      if (words > Instruction.MAX_SLOT_OFFSET - 1) {
        throw new UnsupportedWasmException("entry " + module.name(entry) + " has more than "
            + (Instruction.MAX_SLOT_OFFSET - 1) + " words of parameters");
      }
      // A buffer's address and length are kept in two globals of the stub's own, after the
      // module's: the called function may overwrite its argument slots.
      int hidden = module.globalSlots();
      int spare = 1 + words;
      List<Integer> bufferGlobals = new ArrayList<>();
      int slot = 1;
      for (TokenProgram.ValueKind param : params) {
        paramInstructions.add(out.next());
        if (param == TokenProgram.ValueKind.BYTES) {
          out.emit(Opcode.CONST, 0, 0, slot, 0);
          out.emit(Opcode.CONST, 0, 0, spare, 0);
          out.emit(Opcode.GLOBAL_SET, slot, 0, 0, hidden);
          out.emit(Opcode.GLOBAL_SET, spare, 0, 0, hidden + 1);
          bufferGlobals.add(hidden);
          hidden += 2;
          slot++;
          continue;
        }
        for (int word = 0; word < width(param); word++) {
          out.emit(Opcode.CONST, 0, 0, slot++, 0);
        }
      }
      callAt(out.emit(Opcode.CALL, 1, 0, 0, (out.next() + 1) << 16), entry);
      if (statusZero) out.emit(Opcode.CONST, 0, 0, 1, 0);
      for (int global : bufferGlobals) emitCopyOut(global);
      if (results.isEmpty()) {
        out.emit(Opcode.HALT, 0, 0, 0, 0);
      } else if (results.get(0).wasm() == TokenProgram.ValueKind.I64) {
        out.emit(Opcode.HALT_I64, 1, 0, 0, 0);
      } else {
        out.emit(Opcode.HALT_I32, 1, 0, 0, 0);
      }
    }

    private static int width(TokenProgram.ValueKind kind) {
      return kind.words();
    }

    /**
     * Writes the buffer whose address and length are in globals {@code global} and
     * {@code global + 1} to the output, byte by byte. Slots 1 and 2 hold the result, so the
     * loop works in slots 3..6 (the called function's frame is gone).
     */
    private void emitCopyOut(int global) {
      int pointer = 3, remaining = 4, one = 5, value = 6;
      out.emit(Opcode.GLOBAL_GET, 0, 0, pointer, global);
      out.emit(Opcode.GLOBAL_GET, 0, 0, remaining, global + 1);
      out.emit(Opcode.CONST, 0, 0, one, 1);
      int test = out.emit(Opcode.JUMP_IFZ, remaining, 0, 0, 0);
      out.emit(Opcode.LOAD8_U, pointer, 0, value, 0);
      out.emit(Opcode.PUTCHAR, value, 0, 0, 0);
      out.emit(Opcode.ADD, pointer, one, pointer, 0);
      out.emit(Opcode.SUB, remaining, one, remaining, 0);
      out.emit(Opcode.JUMP, 0, 0, 0, test);
      out.patchTarget(test, out.next());
    }

    /**
     * A jump to a jump goes straight to the final target, and an unconditional jump to a
     * return becomes that return: block ends often fall through to the function's return.
     * The entries of a jump table stay JUMPs (only their targets move), as JUMP_TABLE needs.
     */
    private void threadJumps() {
      int tableEnd = -1;
      for (int at = 0; at < out.next(); at++) {
        Instruction jump = out.get(at);
        if (jump.op() == Opcode.JUMP_TABLE) tableEnd = at + 1 + jump.imm();
        if (jump.op() != Opcode.JUMP && jump.op() != Opcode.JUMP_IF && jump.op() != Opcode.JUMP_IFZ) {
          continue;
        }
        int target = jump.imm();
        for (int hops = 0; hops < 64 && out.get(target).op() == Opcode.JUMP; hops++) {
          target = out.get(target).imm();
        }
        Instruction landing = out.get(target);
        boolean returns = landing.op() == Opcode.RETURN || landing.op() == Opcode.RETURN_VALUE;
        if (jump.op() == Opcode.JUMP && returns && at > tableEnd) {
          out.replace(at, landing);
        } else if (target != jump.imm()) {
          out.patchTarget(at, target);
        }
      }
    }

    @Override
    public void callRoutineAt(int instruction, String routine) {
      int function = ROUTINES + FloatRoutines.function(routine);
      routineUsers.putIfAbsent(function, out.construct());
      callAt(instruction, function);
    }

    @Override
    public void callAt(int instruction, int function) {
      callSites.add(new int[] {instruction, function});
      if (!starts.containsKey(function) && !order.contains(function)) {
        order.add(function);
      }
    }

    private static List<TokenProgram.ValueKind> kinds(List<ValType> types, String function, String what) {
      List<TokenProgram.ValueKind> kinds = new ArrayList<>();
      for (ValType t : types) {
        if (t.equals(ValType.I32)) {
          kinds.add(TokenProgram.ValueKind.I32);
        } else if (t.equals(ValType.I64)) {
          kinds.add(TokenProgram.ValueKind.I64);
        } else if (t.equals(ValType.F32)) {
          kinds.add(TokenProgram.ValueKind.F32);
        } else if (t.equals(ValType.F64)) {
          kinds.add(TokenProgram.ValueKind.F64);
        } else {
          throw new UnsupportedWasmException("unsupported " + what + " type "
              + ModuleInfo.typeName(t) + " in function " + function);
        }
      }
      return kinds;
    }
  }
}
