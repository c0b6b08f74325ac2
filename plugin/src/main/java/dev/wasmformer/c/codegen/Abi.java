package dev.wasmformer.c.codegen;

import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.type.FloatType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.wasm.FuncType;
import dev.wasmformer.wasm.MemOp;
import dev.wasmformer.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How C values map to WebAssembly on this target. A scalar is one wasm value (i64 for long
 * long and double, i32 otherwise; a float or double is carried as its IEEE bit pattern, since
 * all floating-point arithmetic is soft-float calls made explicit by semantic analysis); a struct or union value is represented by its address. A function
 * returning a struct receives the address to write it to as a hidden first parameter; a
 * struct argument is passed as the address of a copy the caller made; a variadic function
 * receives the address of the caller-built area of variable arguments as a last parameter,
 * each argument at an offset aligned to max(4, its alignment), occupying its size rounded
 * up to 4 bytes.
 */
final class Abi {
  private Abi() {}

  /** The wasm type of a value of type t, or null for void. */
  static ValType valType(Type t) {
    if (t.isVoid()) return null;
    return isWide(t) ? ValType.I64 : ValType.I32;
  }

  /** True for the 64-bit scalars: long long, double and long double (carried as their i64 bit pattern). */
  static boolean isWide(Type t) {
    return (t instanceof IntType i && i.isWide()) || (t instanceof FloatType f && f != FloatType.FLOAT);
  }

  static boolean isUnsigned(Type t) {
    return t instanceof PointerType || (t instanceof IntType i && !i.isSigned());
  }

  static boolean returnsViaPointer(FunctionType f) {
    return f.result().isStruct();
  }

  static FuncType signature(FunctionType f) {
    List<ValType> params = new ArrayList<>();
    if (returnsViaPointer(f)) params.add(ValType.I32);
    for (Type p : f.params()) params.add(valType(p));
    if (f.variadic()) params.add(ValType.I32);
    ValType result = returnsViaPointer(f) ? null : valType(f.result());
    return FuncType.of(params, result);
  }

  /**
   * The names of a definition's WebAssembly parameters as {@link #signature} lays them out: an
   * empty name for the hidden struct-result address, then the C parameters' (the variadic
   * area's address, last, has none).
   */
  static List<String> paramNames(FunctionDef f) {
    List<String> names = new ArrayList<>();
    if (returnsViaPointer((FunctionType) f.symbol().type())) names.add("");
    for (var p : f.params()) names.add(p.name() == null ? "" : p.name());
    return names;
  }

  /**
   * The boundary of a function as its export shows it, in C terms: the same values as
   * {@link #signature}, each saying whether it is an integer, a float or a double.
   */
  static ExportSignature exportSignature(FunctionType f) {
    List<ExportSignature.Scalar> params = new ArrayList<>();
    if (returnsViaPointer(f)) params.add(ExportSignature.Scalar.INT32);
    for (Type p : f.params()) params.add(scalar(p));
    if (f.variadic()) params.add(ExportSignature.Scalar.INT32);
    Optional<ExportSignature.Scalar> result =
        returnsViaPointer(f) || f.result().isVoid() ? Optional.empty() : Optional.of(scalar(f.result()));
    return new ExportSignature(params, result);
  }

  private static ExportSignature.Scalar scalar(Type t) {
    if (t == FloatType.FLOAT) return ExportSignature.Scalar.FLOAT;
    if (t instanceof FloatType) return ExportSignature.Scalar.DOUBLE; // double or long double: binary64
    if (t instanceof PointerType) return ExportSignature.Scalar.POINTER;
    return isWide(t) ? ExportSignature.Scalar.INT64 : ExportSignature.Scalar.INT32;
  }

  static MemOp load(Type t) {
    if (t instanceof IntType i) {
      return switch (i) {
        case BOOL, UCHAR -> MemOp.I32_LOAD8_U;
        case CHAR, SCHAR -> MemOp.I32_LOAD8_S;
        case SHORT -> MemOp.I32_LOAD16_S;
        case USHORT -> MemOp.I32_LOAD16_U;
        case LLONG, ULLONG -> MemOp.I64_LOAD;
        default -> MemOp.I32_LOAD;
      };
    }
    return isWide(t) ? MemOp.I64_LOAD : MemOp.I32_LOAD;
  }

  static MemOp store(Type t) {
    if (t instanceof IntType i) {
      return switch (i.size()) {
        case 1 -> MemOp.I32_STORE8;
        case 2 -> MemOp.I32_STORE16;
        case 8 -> MemOp.I64_STORE;
        default -> MemOp.I32_STORE;
      };
    }
    return isWide(t) ? MemOp.I64_STORE : MemOp.I32_STORE;
  }

  /** Alignment of a variable argument in the argument area. */
  static int varargAlign(Type t) {
    return Math.max(4, t.align());
  }

  static int varargSize(Type t) {
    return (t.size() + 3) & ~3;
  }
}
