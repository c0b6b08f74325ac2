package dev.wasmformer.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the instruction sequence of one function body. Control instructions are checked
 * for balance; {@link #finish()} closes the body with its final {@code end}.
 */
public final class CodeBuilder {
  private static final int BLOCK_EMPTY = 0x40;

  private ByteSink code = new ByteSink();
  private byte[] prologue = new byte[0];
  private final List<ValType> locals = new ArrayList<>();
  private final int paramCount;
  private int openBlocks;
  private boolean finished;

  /** @param paramCount number of parameters: local indexes start after them */
  public CodeBuilder(int paramCount) {
    this.paramCount = paramCount;
  }

  /** Declares a new local and returns its index. */
  public int addLocal(ValType type) {
    locals.add(type);
    return paramCount + locals.size() - 1;
  }

  public int localCount() {
    return locals.size();
  }

  public CodeBuilder op(Op op) {
    code.u8(op.code());
    return this;
  }

  public CodeBuilder i32Const(int value) {
    code.u8(0x41);
    code.s64(value);
    return this;
  }

  public CodeBuilder i64Const(long value) {
    code.u8(0x42);
    code.s64(value);
    return this;
  }

  public CodeBuilder localGet(int index) {
    return indexed(0x20, index);
  }

  public CodeBuilder localSet(int index) {
    return indexed(0x21, index);
  }

  public CodeBuilder localTee(int index) {
    return indexed(0x22, index);
  }

  public CodeBuilder globalGet(int index) {
    return indexed(0x23, index);
  }

  public CodeBuilder globalSet(int index) {
    return indexed(0x24, index);
  }

  public CodeBuilder call(int functionIndex) {
    return indexed(0x10, functionIndex);
  }

  /** call_indirect through table 0 with the given type index. */
  public CodeBuilder callIndirect(int typeIndex) {
    code.u8(0x11);
    code.u32(typeIndex);
    code.u8(0x00);
    return this;
  }

  /** A load or store with the natural alignment hint and a static offset. */
  public CodeBuilder mem(MemOp op, int offset) {
    return mem(op, op.naturalAlignLog2(), offset);
  }

  /** A load or store with an explicit alignment hint (log2 bytes), for packed data. */
  public CodeBuilder mem(MemOp op, int alignLog2, int offset) {
    code.u8(op.code());
    code.u32(Math.min(alignLog2, op.naturalAlignLog2()));
    code.u32(offset);
    return this;
  }

  public CodeBuilder memorySize() {
    code.u8(0x3F);
    code.u8(0x00);
    return this;
  }

  public CodeBuilder memoryGrow() {
    code.u8(0x40);
    code.u8(0x00);
    return this;
  }

  /** Opens a block; {@code result} is null for a block without a result. */
  public CodeBuilder block(ValType result) {
    return open(0x02, result);
  }

  public CodeBuilder loop(ValType result) {
    return open(0x03, result);
  }

  public CodeBuilder ifThen(ValType result) {
    return open(0x04, result);
  }

  public CodeBuilder elseBranch() {
    if (openBlocks == 0) throw new IllegalStateException("else outside of an if");
    code.u8(0x05);
    return this;
  }

  public CodeBuilder end() {
    if (openBlocks == 0) throw new IllegalStateException("end without an open block");
    openBlocks--;
    code.u8(0x0B);
    return this;
  }

  public CodeBuilder br(int depth) {
    return indexed(0x0C, depth);
  }

  public CodeBuilder brIf(int depth) {
    return indexed(0x0D, depth);
  }

  public CodeBuilder brTable(int[] depths, int defaultDepth) {
    code.u8(0x0E);
    code.u32(depths.length);
    for (int d : depths) code.u32(d);
    code.u32(defaultDepth);
    return this;
  }

  /**
   * Emits instructions at the start of the body, before everything written so far; for a
   * prologue whose contents (a frame size) are known only once the body is generated.
   */
  public CodeBuilder insertAtStart(java.util.function.Consumer<CodeBuilder> emitter) {
    ByteSink saved = code;
    int blocks = openBlocks;
    code = new ByteSink();
    emitter.accept(this);
    if (openBlocks != blocks) throw new IllegalStateException("unbalanced blocks in inserted code");
    byte[] inserted = code.toByteArray();
    code = saved;
    byte[] joined = new byte[inserted.length + prologue.length];
    System.arraycopy(prologue, 0, joined, 0, prologue.length);
    System.arraycopy(inserted, 0, joined, prologue.length, inserted.length);
    prologue = joined;
    return this;
  }

  /** Number of blocks, loops and ifs currently open. */
  public int openBlocks() {
    return openBlocks;
  }

  /** Closes the body. Returns the encoded body: local declarations, code and end. */
  byte[] finish() {
    if (finished) throw new IllegalStateException("body already finished");
    if (openBlocks != 0) throw new IllegalStateException(openBlocks + " blocks left open");
    finished = true;
    ByteSink body = new ByteSink();
    // Runs of equal types compress the local declarations.
    List<int[]> runs = new ArrayList<>();
    for (ValType t : locals) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == t.code()) {
        runs.get(runs.size() - 1)[0]++;
      } else {
        runs.add(new int[] {1, t.code()});
      }
    }
    body.u32(runs.size());
    for (int[] run : runs) {
      body.u32(run[0]);
      body.u8(run[1]);
    }
    body.bytes(prologue);
    body.bytes(code.toByteArray());
    body.u8(0x0B);
    return body.toByteArray();
  }

  private CodeBuilder open(int opcode, ValType result) {
    openBlocks++;
    code.u8(opcode);
    code.u8(result == null ? BLOCK_EMPTY : result.code());
    return this;
  }

  private CodeBuilder indexed(int opcode, int index) {
    if (index < 0) throw new IllegalArgumentException("negative index " + index);
    code.u8(opcode);
    code.u32(index);
    return this;
  }
}
