package dev.wasmformer.c.type;

/**
 * A C type on the wasm32 target (ILP32: int, long and pointers are 32 bits, long long 64;
 * char is signed). Qualifiers are not part of a type's identity.
 */
public sealed interface Type permits VoidType, IntType, FloatType, PointerType, ArrayType,
    FunctionType, StructType, ErrorType {

  /** Size in bytes; -1 for incomplete types, functions and void. */
  int size();

  int align();

  default boolean isInteger() {
    return this instanceof IntType;
  }

  default boolean isArithmetic() {
    return this instanceof IntType || this instanceof FloatType;
  }

  default boolean isPointer() {
    return this instanceof PointerType;
  }

  default boolean isScalar() {
    return isArithmetic() || isPointer();
  }

  default boolean isVoid() {
    return this instanceof VoidType;
  }

  default boolean isStruct() {
    return this instanceof StructType;
  }

  /** A complex type (a {@link StructType} of two parts). */
  default boolean isComplex() {
    return this instanceof StructType s && s.complexPart() != null;
  }

  default boolean isArray() {
    return this instanceof ArrayType;
  }

  default boolean isFunction() {
    return this instanceof FunctionType;
  }

  default boolean isError() {
    return this instanceof ErrorType;
  }

  default boolean isComplete() {
    return size() >= 0;
  }

  /** The C spelling of the type, for messages. */
  String spell();
}
