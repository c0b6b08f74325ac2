package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The WASI (preview 1) functions a module built against wasi-libc imports, written as token-ISA
 * routines and appended to the program like any lowered function: a call site places the
 * arguments and CALLs the routine, which returns its errno in slot 0. Nothing about WASI is
 * known to the runtime: the routines are ordinary instructions (arithmetic, jumps, loads and
 * stores, PUTCHAR, PUTCHAR_ERR, GETCHAR, and HALT_I32 for proc_exit).
 *
 * <p>The host they describe: fd 0 is the input, fd 1 the output, fd 2 the error output (a
 * stream of its own, PUTCHAR_ERR); all three are character devices that cannot seek, i.e. terminals,
 * so wasi-libc line-buffers stdout. There are no other descriptors, no preopened directories and
 * no environment variables. The arguments are in the program's argument area ({@link
 * ModuleInfo#argvArea}), which each run may fill: the args routines read argc and the strings
 * from there, so the code is the same whatever the arguments.
 */
final class WasiRoutines {
  /** The import module name of WASI preview 1. */
  static final String MODULE = "wasi_snapshot_preview1";

  private static final int ESUCCESS = 0;
  private static final int EBADF = 8;
  private static final int ESPIPE = 70;
  private static final int FILETYPE_CHARACTER_DEVICE = 2;
  private static final int RIGHT_FD_READ = 1 << 1;
  private static final int RIGHT_FD_WRITE = 1 << 6;

  /** The functions provided, with the signatures wasi-libc declares for them. */
  enum Function {
    ARGS_GET("args_get", 2),
    ARGS_SIZES_GET("args_sizes_get", 2),
    ENVIRON_GET("environ_get", 2),
    ENVIRON_SIZES_GET("environ_sizes_get", 2),
    FD_WRITE("fd_write", 4),
    FD_READ("fd_read", 4),
    FD_CLOSE("fd_close", 1),
    FD_SEEK("fd_seek", FunctionType.of(
        List.of(ValType.I32, ValType.I64, ValType.I32, ValType.I32), List.of(ValType.I32))),
    FD_FDSTAT_GET("fd_fdstat_get", 2),
    FD_PRESTAT_GET("fd_prestat_get", 2),
    FD_PRESTAT_DIR_NAME("fd_prestat_dir_name", 3),
    SCHED_YIELD("sched_yield", 0),
    PROC_EXIT("proc_exit", FunctionType.of(List.of(ValType.I32), List.of()));

    final String wasiName;
    final FunctionType type;

    Function(String wasiName, int i32Params) {
      this(wasiName, FunctionType.of(java.util.Collections.nCopies(i32Params, ValType.I32), List.of(ValType.I32)));
    }

    Function(String wasiName, FunctionType type) {
      this.wasiName = wasiName;
      this.type = type;
    }
  }

  private WasiRoutines() {}

  /** The routine for import {@code module.name} of type {@code type}, or empty if there is none. */
  static Optional<Function> find(String module, String name, FunctionType type) {
    if (!module.equals(MODULE)) return Optional.empty();
    return Arrays.stream(Function.values())
        .filter(f -> f.wasiName.equals(name) && f.type.params().equals(type.params())
            && f.type.returns().equals(type.returns()))
        .findFirst();
  }

  /** The routine's name in a program's function table (and so in traces): {@code wasi.fd_write}. */
  static String routineName(Function f) {
    return "wasi." + f.wasiName;
  }

  /** The provided functions as a list for messages: "args_get, args_sizes_get, ...". */
  static String provided() {
    return Arrays.stream(Function.values()).map(f -> f.wasiName).collect(Collectors.joining(", "));
  }

  /**
   * Emits the routine for {@code f} at the buffer's next index.
   *
   * @param argvArea the address of the argument area the args routines read ({@link
   *     ModuleInfo#argvArea}): a little-endian i32 argc, then argc NUL-terminated strings
   * @param exitStatus the program's result kind, which proc_exit's HALT must produce
   */
  static void emit(CodeBuffer out, Function f, int argvArea, TokenProgram.ValueKind exitStatus) {
    out.lowering("routine " + MODULE + "." + f.wasiName);
    Routine r = new Routine(out);
    switch (f) {
      case ARGS_SIZES_GET -> argsSizesGet(r, argvArea);
      case ARGS_GET -> argsGet(r, argvArea);
      case ENVIRON_SIZES_GET -> {
        // (count_ptr, size_ptr): no variables, no bytes
        r.op(Opcode.CONST, 0, 0, 2, 0);
        r.op(Opcode.STORE32, 0, 2, 0, 0);
        r.op(Opcode.STORE32, 1, 2, 0, 0);
        r.returnErrno(ESUCCESS);
      }
      case ENVIRON_GET, SCHED_YIELD -> r.returnErrno(ESUCCESS);
      case FD_WRITE -> fdWrite(r);
      case FD_READ -> fdRead(r);
      case FD_CLOSE -> standardFdOr(r, 1, ESUCCESS);
      case FD_SEEK -> standardFdOr(r, 5, ESPIPE);
      case FD_FDSTAT_GET -> fdFdstatGet(r);
      case FD_PRESTAT_GET, FD_PRESTAT_DIR_NAME -> r.returnErrno(EBADF);
      case PROC_EXIT -> {
        if (exitStatus == TokenProgram.ValueKind.I64) {
          // the entry returns an i64: the status, sign-extended, is the result pair
          r.op(Opcode.CONST, 0, 0, 1, 31);
          r.op(Opcode.SHR_S, 0, 1, 1, 0);
          r.op(Opcode.HALT_I64, 0, 0, 0, 0);
        } else {
          r.op(Opcode.HALT_I32, 0, 0, 0, 0);
        }
      }
    }
  }

  /**
   * (argc_ptr, buf_size_ptr): argc is the area's first word; the strings' size is found by
   * walking past argc NULs. Slots: 2 pointer, 3 strings left, 4 one, 5 byte, then the size.
   */
  private static void argsSizesGet(Routine r, int area) {
    r.op(Opcode.CONST, 0, 0, 2, 0);
    r.op(Opcode.LOAD32, 2, 0, 3, area);
    r.op(Opcode.STORE32, 0, 3, 0, 0);
    r.op(Opcode.CONST, 0, 0, 2, area + 4);
    r.op(Opcode.CONST, 0, 0, 4, 1);
    int done = r.jump(Opcode.JUMP_IFZ, 3);
    int nextByte = r.here();
    r.op(Opcode.LOAD8_U, 2, 0, 5, 0);
    r.op(Opcode.ADD, 2, 4, 2, 0);
    r.jumpTo(Opcode.JUMP_IF, 5, nextByte);
    r.op(Opcode.SUB, 3, 4, 3, 0);
    r.jumpTo(Opcode.JUMP_IF, 3, nextByte);
    r.land(done);
    r.op(Opcode.CONST, 0, 0, 5, area + 4);
    r.op(Opcode.SUB, 2, 5, 5, 0);
    r.op(Opcode.STORE32, 1, 5, 0, 0);
    r.returnErrno(ESUCCESS);
  }

  /**
   * (argv, argv_buf): copies the area's strings into the buffer byte by byte (so nothing past
   * them is written), storing each string's address in the buffer into argv[i] as it starts.
   * Slots: 0 the next argv entry, 1 the next buffer byte, 2 source, 3 strings left, 4 one,
   * 5 byte, 6 four.
   */
  private static void argsGet(Routine r, int area) {
    r.op(Opcode.CONST, 0, 0, 2, 0);
    r.op(Opcode.LOAD32, 2, 0, 3, area);
    r.op(Opcode.CONST, 0, 0, 2, area + 4);
    r.op(Opcode.CONST, 0, 0, 4, 1);
    r.op(Opcode.CONST, 0, 0, 6, 4);
    int done = r.jump(Opcode.JUMP_IFZ, 3);
    int nextString = r.here();
    r.op(Opcode.STORE32, 0, 1, 0, 0);
    r.op(Opcode.ADD, 0, 6, 0, 0);
    int nextByte = r.here();
    r.op(Opcode.LOAD8_U, 2, 0, 5, 0);
    r.op(Opcode.STORE8, 1, 5, 0, 0);
    r.op(Opcode.ADD, 2, 4, 2, 0);
    r.op(Opcode.ADD, 1, 4, 1, 0);
    r.jumpTo(Opcode.JUMP_IF, 5, nextByte);
    r.op(Opcode.SUB, 3, 4, 3, 0);
    r.jumpTo(Opcode.JUMP_IF, 3, nextString);
    r.land(done);
    r.returnErrno(ESUCCESS);
  }

  /**
   * (fd, iovs, iovs_len, nwritten_ptr): fd 1 writes every byte of every buffer with PUTCHAR,
   * fd 2 with PUTCHAR_ERR (stderr, a stream of its own); any other fd is EBADF. Slots: 4 one,
   * 5 fd - 1 (0 for stdout, 1 for stderr), 9 scratch.
   */
  private static void fdWrite(Routine r) {
    r.op(Opcode.CONST, 0, 0, 4, 1);
    r.op(Opcode.SUB, 0, 4, 5, 0);
    r.op(Opcode.CONST, 0, 0, 9, 2);
    r.op(Opcode.LT_U, 5, 9, 9, 0);
    int badf = r.jump(Opcode.JUMP_IFZ, 9);
    int stderr = r.jump(Opcode.JUMP_IF, 5);
    writeIovecs(r, Opcode.PUTCHAR);
    r.land(stderr);
    writeIovecs(r, Opcode.PUTCHAR_ERR);
    r.land(badf);
    r.returnErrno(EBADF);
  }

  /**
   * Writes every byte of every iovec with {@code put} and returns success. A buffer goes out a
   * word at a time (LOAD32, then {@code put} of each byte, shifting by 8 in between: about 10
   * trace tokens a byte instead of 20), and its last len % 4 bytes one by one. Slots: 4 one, 6
   * total, 7 pointer, 8 bytes left after the words, 9 word or byte, 10 eight (an iovec's size,
   * a byte's bits), 11 words left, 12 two, 13 three, 14 four.
   */
  private static void writeIovecs(Routine r, Opcode put) {
    r.op(Opcode.CONST, 0, 0, 6, 0);
    r.op(Opcode.CONST, 0, 0, 10, 8);
    r.op(Opcode.CONST, 0, 0, 12, 2);
    r.op(Opcode.CONST, 0, 0, 13, 3);
    r.op(Opcode.CONST, 0, 0, 14, 4);
    int nextIovec = r.here();
    int done = r.jump(Opcode.JUMP_IFZ, 2);
    r.op(Opcode.LOAD32, 1, 0, 7, 0);
    r.op(Opcode.LOAD32, 1, 0, 8, 4);
    r.op(Opcode.ADD, 6, 8, 6, 0);
    r.op(Opcode.ADD, 1, 10, 1, 0);
    r.op(Opcode.SUB, 2, 4, 2, 0);
    r.op(Opcode.SHR_U, 8, 12, 11, 0);
    r.op(Opcode.AND, 8, 13, 8, 0);
    int tail = r.jump(Opcode.JUMP_IFZ, 11);
    int nextWord = r.here();
    r.op(Opcode.LOAD32, 7, 0, 9, 0);
    for (int b = 0; b < 4; b++) {
      if (b > 0) r.op(Opcode.SHR_U, 9, 10, 9, 0);
      r.op(put, 9, 0, 0, 0);
    }
    r.op(Opcode.ADD, 7, 14, 7, 0);
    r.op(Opcode.SUB, 11, 4, 11, 0);
    r.jumpTo(Opcode.JUMP_IF, 11, nextWord);
    r.land(tail);
    r.jumpTo(Opcode.JUMP_IFZ, 8, nextIovec);
    int nextByte = r.here();
    r.op(Opcode.LOAD8_U, 7, 0, 9, 0);
    r.op(put, 9, 0, 0, 0);
    r.op(Opcode.ADD, 7, 4, 7, 0);
    r.op(Opcode.SUB, 8, 4, 8, 0);
    r.jumpTo(Opcode.JUMP_IF, 8, nextByte);
    r.jumpTo(Opcode.JUMP, 0, nextIovec);
    r.land(done);
    r.op(Opcode.STORE32, 3, 6, 0, 0);
    r.returnErrno(ESUCCESS);
  }

  /**
   * (fd, iovs, iovs_len, nread_ptr): fd 0 fills the buffers with GETCHAR until they are full
   * or the input ends; any other fd is EBADF. The whole input is there from the start, so a
   * read never waits and returns fewer bytes than asked only at the end of the input. Slots: 4
   * one, 5 scratch, 6 total, 7 pointer, 8 bytes left, 9 byte, 10 eight.
   */
  private static void fdRead(Routine r) {
    int badf = r.jump(Opcode.JUMP_IF, 0);
    r.op(Opcode.CONST, 0, 0, 4, 1);
    r.op(Opcode.CONST, 0, 0, 6, 0);
    r.op(Opcode.CONST, 0, 0, 10, 8);
    int nextIovec = r.here();
    int done = r.jump(Opcode.JUMP_IFZ, 2);
    r.op(Opcode.LOAD32, 1, 0, 7, 0);
    r.op(Opcode.LOAD32, 1, 0, 8, 4);
    r.op(Opcode.ADD, 1, 10, 1, 0);
    r.op(Opcode.SUB, 2, 4, 2, 0);
    r.jumpTo(Opcode.JUMP_IFZ, 8, nextIovec);
    int nextByte = r.here();
    r.op(Opcode.GETCHAR, 0, 0, 9, 0);
    r.op(Opcode.ADD, 9, 4, 5, 0);
    int end = r.jump(Opcode.JUMP_IFZ, 5); // GETCHAR gave -1: the input has ended
    r.op(Opcode.STORE8, 7, 9, 0, 0);
    r.op(Opcode.ADD, 7, 4, 7, 0);
    r.op(Opcode.ADD, 6, 4, 6, 0);
    r.op(Opcode.SUB, 8, 4, 8, 0);
    r.jumpTo(Opcode.JUMP_IF, 8, nextByte);
    r.jumpTo(Opcode.JUMP, 0, nextIovec);
    r.land(done);
    r.land(end);
    r.op(Opcode.STORE32, 3, 6, 0, 0);
    r.returnErrno(ESUCCESS);
    r.land(badf);
    r.returnErrno(EBADF);
  }

  /** Returns {@code errno} for fds 0..2 and EBADF for any other; slots from {@code free} are scratch. */
  private static void standardFdOr(Routine r, int free, int errno) {
    r.op(Opcode.CONST, 0, 0, free, 3);
    r.op(Opcode.LT_U, 0, free, free, 0);
    r.op(Opcode.CONST, 0, 0, free + 1, errno);
    r.op(Opcode.CONST, 0, 0, free + 2, EBADF);
    r.op(Opcode.SELECT, free + 1, free + 2, 0, free);
    r.op(Opcode.RETURN_VALUE, 0, 0, 0, 0);
  }

  /**
   * (fd, stat_ptr): a 24-byte fdstat for fds 0..2: filetype character device, no flags,
   * rights fd_read (fd 0) or fd_write (fds 1, 2) and nothing to inherit. No seek or tell
   * right: wasi-libc's isatty answers yes, as for a terminal.
   */
  private static void fdFdstatGet(Routine r) {
    r.op(Opcode.CONST, 0, 0, 2, 3);
    r.op(Opcode.LT_U, 0, 2, 2, 0);
    int badf = r.jump(Opcode.JUMP_IFZ, 2);
    r.op(Opcode.CONST, 0, 0, 3, FILETYPE_CHARACTER_DEVICE);
    r.op(Opcode.STORE32, 1, 3, 0, 0);
    r.op(Opcode.CONST, 0, 0, 3, 0);
    for (int offset : new int[] {4, 12, 16, 20}) r.op(Opcode.STORE32, 1, 3, 0, offset);
    r.op(Opcode.CONST, 0, 0, 4, RIGHT_FD_WRITE);
    r.op(Opcode.CONST, 0, 0, 5, RIGHT_FD_READ);
    r.op(Opcode.SELECT, 4, 5, 4, 0);
    r.op(Opcode.STORE32, 1, 4, 0, 8);
    r.returnErrno(ESUCCESS);
    r.land(badf);
    r.returnErrno(EBADF);
  }

  /** Emits one routine: instructions with frame-relative slots, and forward jumps patched later. */
  private static final class Routine {
    private final CodeBuffer out;

    Routine(CodeBuffer out) {
      this.out = out;
    }

    int op(Opcode op, int x, int y, int z, int imm) {
      return out.emit(op, x, y, z, imm);
    }

    int here() {
      return out.next();
    }

    /** A forward jump whose target {@link #land} sets. */
    int jump(Opcode op, int x) {
      return op(op, x, 0, 0, 0);
    }

    void jumpTo(Opcode op, int x, int target) {
      op(op, x, 0, 0, target);
    }

    void land(int jump) {
      out.patchTarget(jump, out.next());
    }

    void returnErrno(int errno) {
      op(Opcode.CONST, 0, 0, 0, errno);
      op(Opcode.RETURN_VALUE, 0, 0, 0, 0);
    }
  }
}
