package dev.wasmformer.c.ast;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import java.util.List;

/**
 * A typed expression. Semantic analysis has made every conversion explicit ({@link Cast}),
 * so an operator's operands already have the types its code needs; array and function
 * designators used as values are wrapped in {@link Decay}. An lvalue expression denotes its
 * object; reading it is implied wherever it is used as a value.
 */
public sealed interface Expr {
  SourcePos pos();

  Type type();

  /**
   * An integer constant (also a null pointer constant cast to a pointer type), or a floating
   * constant of type float or double whose value is its IEEE bit pattern.
   */
  record IntConst(SourcePos pos, Type type, long value) implements Expr {}

  /** A string literal; {@code bytes} include the terminating NUL. An lvalue of array type. */
  record StringLit(SourcePos pos, Type type, byte[] bytes) implements Expr {}

  /** A use of a variable or function (function designators have function type). */
  record VarRef(SourcePos pos, Type type, Symbol symbol) implements Expr {}

  enum UnaryOp { NEG, BIT_NOT, LOG_NOT }

  record Unary(SourcePos pos, Type type, UnaryOp op, Expr operand) implements Expr {}

  enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), SHL("<<"), SHR(">>"),
    AND("&"), OR("|"), XOR("^"), EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="),
    LOG_AND("&&"), LOG_OR("||");

    private final String spelling;

    BinaryOp(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }

    public boolean isComparison() {
      return this == EQ || this == NE || this == LT || this == GT || this == LE || this == GE;
    }
  }

  /**
   * A binary operator on arithmetic operands converted to a common type (for shifts, each
   * operand promoted on its own). Comparisons and logical operators have type int; the
   * operands of && and || are any scalars.
   */
  record Binary(SourcePos pos, Type type, BinaryOp op, Expr left, Expr right) implements Expr {}

  /** {@code pointer + index} or {@code pointer - index}, scaled by the element size. */
  record PointerAdd(SourcePos pos, Type type, Expr pointer, Expr index, boolean subtract) implements Expr {}

  /** {@code left - right} for two pointers: the difference in elements. */
  record PointerDiff(SourcePos pos, Type type, Expr left, Expr right, int elementSize) implements Expr {}

  /** Simple assignment; {@code value} is converted to the target's type. Struct assignment copies. */
  record Assign(SourcePos pos, Type type, Expr target, Expr value) implements Expr {}

  /**
   * {@code target op= value}: the target is read, converted to {@code computeType}, combined
   * with {@code value} (already of {@code computeType}, or an integer for pointer targets),
   * and converted back.
   */
  record CompoundAssign(SourcePos pos, Type type, BinaryOp op, Expr target, Expr value, Type computeType)
      implements Expr {}

  /** {@code ++x}, {@code x++}, {@code --x}, {@code x--} (pointers step by their element size). */
  record IncDec(SourcePos pos, Type type, Expr target, boolean increment, boolean prefix) implements Expr {}

  /** A conversion to {@code type}, written or implied. */
  record Cast(SourcePos pos, Type type, Expr operand) implements Expr {}

  record Conditional(SourcePos pos, Type type, Expr condition, Expr then, Expr otherwise) implements Expr {}

  record Comma(SourcePos pos, Type type, Expr left, Expr right) implements Expr {}

  /**
   * A call. {@code callee} is a function designator ({@link VarRef} of function type) for a
   * direct call, or a pointer to a function. Arguments are converted to the parameter types;
   * the variable arguments of a variadic call are promoted.
   */
  record Call(SourcePos pos, Type type, Expr callee, List<Expr> args, FunctionType function) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  record AddressOf(SourcePos pos, Type type, Expr operand) implements Expr {}

  record Deref(SourcePos pos, Type type, Expr pointer) implements Expr {}

  /**
   * A member of a struct or union object; {@code offset} includes anonymous members on the
   * way. For a bit-field, {@code offset} is its storage unit's and {@code bits} is not null;
   * its type is the type its value has when read: {@code int} if that holds every value of a
   * field narrower than 32 bits (as gcc promotes it), else the declared type.
   */
  record Member(SourcePos pos, Type type, Expr base, String name, int offset, StructType.BitField bits)
      implements Expr {
    public Member(SourcePos pos, Type type, Expr base, String name, int offset) {
      this(pos, type, base, name, offset, null);
    }
  }

  /** An array (to a pointer to its first element) or a function (to a pointer to it) used as a value. */
  record Decay(SourcePos pos, Type type, Expr operand) implements Expr {}

  /** A compound literal: an unnamed object with an initializer; an lvalue. */
  record CompoundLiteral(SourcePos pos, Type type, Symbol object, Initializer init) implements Expr {}

  /** {@code va_start(ap, last)}: points {@code ap} (an lvalue of type va_list) at the variable arguments. */
  record VaStart(SourcePos pos, Type type, Expr list) implements Expr {}

  /** {@code va_arg(ap, type)}: reads the next variable argument and advances {@code ap}. */
  record VaArg(SourcePos pos, Type type, Expr list) implements Expr {}

  /**
   * A GNU statement expression {@code ({ ...; v; })}: runs {@code body}, then has the value of
   * {@code result} (null when the last statement is not an expression: type void). Semantic
   * analysis has turned the last expression statement into an assignment to a temporary that
   * {@code result} reads.
   */
  record StmtExpr(SourcePos pos, Type type, Stmt.Block body, Expr result) implements Expr {}

  /**
   * GNU {@code &&label}: the address of a label of {@code function}, a small integer unique
   * within the function (the code generator's number for the label), of type {@code void *}.
   */
  record LabelAddress(SourcePos pos, Type type, Symbol function, String label) implements Expr {}

  /** A compiler intrinsic (see {@link Builtins}). */
  record Builtin(SourcePos pos, Type type, String name, List<Expr> args) implements Expr {
    public Builtin {
      args = List.copyOf(args);
    }
  }
}
