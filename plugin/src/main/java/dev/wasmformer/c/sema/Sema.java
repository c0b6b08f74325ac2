package dev.wasmformer.c.sema;

import dev.wasmformer.c.CompileError;
import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.c.ast.AstWalker;
import dev.wasmformer.c.ast.Builtins;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Expr.AddressOf;
import dev.wasmformer.c.ast.Expr.Assign;
import dev.wasmformer.c.ast.Expr.Binary;
import dev.wasmformer.c.ast.Expr.BinaryOp;
import dev.wasmformer.c.ast.Expr.Call;
import dev.wasmformer.c.ast.Expr.Cast;
import dev.wasmformer.c.ast.Expr.Comma;
import dev.wasmformer.c.ast.Expr.CompoundAssign;
import dev.wasmformer.c.ast.Expr.CompoundLiteral;
import dev.wasmformer.c.ast.Expr.Conditional;
import dev.wasmformer.c.ast.Expr.Decay;
import dev.wasmformer.c.ast.Expr.Deref;
import dev.wasmformer.c.ast.Expr.IncDec;
import dev.wasmformer.c.ast.Expr.IntConst;
import dev.wasmformer.c.ast.Expr.Member;
import dev.wasmformer.c.ast.Expr.PointerAdd;
import dev.wasmformer.c.ast.Expr.PointerDiff;
import dev.wasmformer.c.ast.Expr.StringLit;
import dev.wasmformer.c.ast.Expr.Unary;
import dev.wasmformer.c.ast.Expr.UnaryOp;
import dev.wasmformer.c.ast.Expr.VarRef;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.GlobalVar;
import dev.wasmformer.c.ast.Initializer;
import dev.wasmformer.c.ast.Stmt;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.ast.TranslationUnit;
import dev.wasmformer.c.lex.Literals;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.ArrayType;
import dev.wasmformer.c.type.ErrorType;
import dev.wasmformer.c.type.FloatType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.c.type.Types;
import dev.wasmformer.c.type.VariableLength;
import dev.wasmformer.c.type.VoidType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic actions the parser calls: scopes and declarations, and the type rules of
 * every operator. Each action checks its operands, reports located errors, inserts the
 * implicit conversions and folds constants, and returns a typed node. After an error it
 * returns a node of {@link ErrorType}, which later actions accept silently, so one mistake
 * yields one message.
 */
public final class Sema {
  /** The type of {@code sizeof} and of {@code size_t}. */
  public static final IntType SIZE_T = IntType.ULONG;
  /** The type of a pointer difference ({@code ptrdiff_t}). */
  public static final IntType PTRDIFF_T = IntType.LONG;
  /** The type of {@code va_list}. */
  public static final Type VA_LIST = new PointerType(IntType.CHAR);

  private final Diagnostics diagnostics;
  private final SourceFile file;
  private final boolean library;
  private final Scope fileScope = new Scope(null);
  private Scope scope = fileScope;
  private final Map<String, Symbol> fileSymbols = new LinkedHashMap<>();
  private final Set<Symbol> tentative = new LinkedHashSet<>();
  private final Map<Symbol, GlobalVar> definedGlobals = new LinkedHashMap<>();
  private final List<GlobalVar> staticLocals = new ArrayList<>();
  private final List<FunctionDef> functions = new ArrayList<>();
  private final Map<String, StringLit> funcNames = new HashMap<>();
  private FunctionContext function;
  private final SoftFloat soft = new SoftFloat(this);
  private final ComplexArithmetic complex = new ComplexArithmetic(this, soft);
  private boolean inStaticInitializer;
  private final AtomicBuiltins atomics = new AtomicBuiltins(this);
  private final List<SwitchContext> switches = new ArrayList<>();
  /** The scopes a break and a continue leave to, innermost last (a switch is only a break's). */
  private final List<Scope> breakScopes = new ArrayList<>();
  private final List<Scope> continueScopes = new ArrayList<>();

  /** A variable length whose expression the declaration being parsed has not evaluated yet. */
  private record PendingLength(VariableLength length, Expr count) {}

  private final List<PendingLength> pendingLengths = new ArrayList<>();
  /** The hidden local holding each evaluated variable length (a count of elements, size_t). */
  private final Map<VariableLength, Symbol> lengthCounts = new IdentityHashMap<>();
  /** The hidden local pointing at the storage of each variable-length array object. */
  private final Map<Symbol, Symbol> vlaStorage = new IdentityHashMap<>();
  /** Enum types numbered so far (see {@link #enumNumber}). */
  private int enumTypes;

  private static final class FunctionContext {
    final Symbol symbol;
    final FunctionType type;
    final List<Symbol> params = new ArrayList<>();
    final List<Symbol> locals = new ArrayList<>();
    final Map<String, SourcePos> labels = new HashMap<>();
    final List<Stmt.Goto> gotos = new ArrayList<>();
    /** The GNU label addresses ({@code &&label}) taken in the function, and their labels. */
    final List<Expr.LabelAddress> labelAddresses = new ArrayList<>();
    final Set<String> addressTaken = new LinkedHashSet<>();
    final int errorsAtStart;
    /** Statements run before the body: the lengths of variable-length array parameters. */
    final List<Stmt> prelude = new ArrayList<>();
    /** The stack pointer at entry, once the function has a variable-length array (null before). */
    Symbol vlaBase;
    /** The variable-length arrays in scope at each label and at each goto (see {@link #vlaChain}). */
    final Map<String, List<Symbol>> labelVlas = new HashMap<>();
    final Map<Stmt.Goto, List<Symbol>> gotoVlas = new IdentityHashMap<>();
    /** The statement expressions being parsed, outermost first, each by a number of its own. */
    final List<Integer> stmtExprs = new ArrayList<>();
    int stmtExprCount;
    /** The statement expressions around each label and each goto: no goto may jump into one. */
    final Map<String, List<Integer>> labelStmtExprs = new HashMap<>();
    final Map<Stmt.Goto, List<Integer>> gotoStmtExprs = new IdentityHashMap<>();

    FunctionContext(Symbol symbol, FunctionType type, int errorsAtStart) {
      this.symbol = symbol;
      this.type = type;
      this.errorsAtStart = errorsAtStart;
    }
  }

  private static final class SwitchContext {
    final Type valueType;
    final Set<Long> values = new HashSet<>();
    boolean hasDefault;
    /** The scope of the switch statement: its labels must not be in the scope of more VLAs. */
    final Scope scope;
    /** How many statement expressions enclose the switch: its labels must not be in more. */
    final int stmtExprDepth;

    SwitchContext(Type valueType, Scope scope, int stmtExprDepth) {
      this.valueType = valueType;
      this.scope = scope;
      this.stmtExprDepth = stmtExprDepth;
    }
  }

  public Sema(Diagnostics diagnostics, SourceFile file, boolean library) {
    this.diagnostics = diagnostics;
    this.file = file;
    this.library = library;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  // =====================================================================================
  // Scopes
  // =====================================================================================

  public void pushScope() {
    scope = new Scope(scope);
  }

  public void popScope() {
    scope = scope.parent;
  }

  public boolean atFileScope() {
    return scope.isFileScope();
  }

  public boolean inFunction() {
    return function != null;
  }

  /** Parses a static object's initializer, where gcc folds every constant complex product and quotient. */
  public <T> T staticInitializer(java.util.function.Supplier<T> parse) {
    boolean outer = inStaticInitializer;
    inStaticInitializer = true;
    try {
      return parse.get();
    } finally {
      inStaticInitializer = outer;
    }
  }

  boolean inConstantInitializer() {
    return inStaticInitializer || !inFunction();
  }

  public boolean isDeclared(String name) {
    return scope.lookup(name) != null;
  }

  /** A snapshot of the scope state, for the parser's error recovery. */
  public Object mark() {
    return new Mark(scope, switches.size(), breakScopes.size(), continueScopes.size());
  }

  private record Mark(Scope scope, int switches, int breaks, int continues) {}

  public void restore(Object mark) {
    Mark m = (Mark) mark;
    scope = m.scope();
    while (switches.size() > m.switches()) switches.remove(switches.size() - 1);
    while (breakScopes.size() > m.breaks()) breakScopes.remove(breakScopes.size() - 1);
    while (continueScopes.size() > m.continues()) continueScopes.remove(continueScopes.size() - 1);
    pendingLengths.clear();
  }

  /** Abandons whatever function or block was open (after an error at file level). */
  public void resetToFileScope() {
    scope = fileScope;
    function = null;
    switches.clear();
    breakScopes.clear();
    continueScopes.clear();
    pendingLengths.clear();
  }

  public boolean isTypedefName(String name) {
    Symbol s = scope.lookup(name);
    return s != null && s.kind() == Symbol.Kind.TYPEDEF;
  }

  public Type typedefType(String name) {
    return scope.lookup(name).type();
  }

  // =====================================================================================
  // Tags
  // =====================================================================================

  /**
   * Resolves {@code struct tag} / {@code union tag}. With {@code defining} or
   * {@code declaringOnly} (the declaration {@code struct tag;}) the tag is declared in the
   * current scope, shadowing outer ones; otherwise an existing tag is found or declared.
   */
  public StructType structTag(String tag, boolean union, boolean defining, boolean declaringOnly, SourcePos pos) {
    if (tag == null) return new StructType(null, union);
    Object existing = (defining || declaringOnly) ? scope.tags.get(tag) : scope.lookupTag(tag);
    if (existing instanceof StructType st) {
      if (st.isUnion() != union) {
        diagnostics.error(pos, "use of '" + tag + "' with tag type that does not match previous declaration");
        return new StructType(tag, union);
      }
      if (defining && st.isComplete()) {
        diagnostics.error(pos, "redefinition of '" + st.spell() + "'");
        return new StructType(tag, union);
      }
      return st;
    }
    if (existing != null) {
      diagnostics.error(pos, "use of '" + tag + "' with tag type that does not match previous declaration");
    }
    StructType st = new StructType(tag, union);
    scope.tags.put(tag, st);
    return st;
  }

  public void completeStruct(StructType st, List<String> names, List<Type> types, List<SourcePos> positions,
      List<Integer> widths, List<Integer> aligns, List<Boolean> packedMembers, Attributes structAttrs, int packLimit,
      SourcePos pos) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      Type t = types.get(i);
      String n = names.get(i);
      if (widths.get(i) != null) {
        if (n != null && !seen.add(n)) diagnostics.error(positions.get(i), "duplicate member '" + n + "'");
        if (aligns.get(i) > 0) {
          diagnostics.error(positions.get(i), "alignment specified for bit-field '" + (n == null ? "<anonymous>" : n) + "'");
        }
        continue;
      }
      if (n != null && !seen.add(n)) diagnostics.error(positions.get(i), "duplicate member '" + n + "'");
      if (t instanceof FunctionType) {
        diagnostics.error(positions.get(i), "member '" + n + "' declared as a function");
        types.set(i, IntType.INT);
      } else if (Types.isVariablyModified(t)) {
        // GNU C allows a variable-length array in a block-scope struct; we do not
        diagnostics.error(positions.get(i), "member '" + n + "' has a variably modified type (not supported)");
        pendingLengths.clear();
        types.set(i, IntType.INT);
      } else if (!t.isComplete() && !(t instanceof ArrayType a && a.length() < 0 && i == names.size() - 1)) {
        if (!t.isError()) diagnostics.error(positions.get(i), "member '" + n + "' has incomplete type '" + t.spell() + "'");
        types.set(i, IntType.INT);
      }
    }
    List<Boolean> packed = new ArrayList<>();
    // #pragma pack(1) packs every member, bit-fields included, as the attribute does
    for (boolean p : packedMembers) packed.add(p || structAttrs.packed() || packLimit == 1);
    String straddling = st.complete(names, types, widths, aligns, packed, structAttrs.align(), packLimit);
    if (straddling != null) {
      int i = names.indexOf(straddling);
      diagnostics.error(positions.get(Math.max(i, 0)), "packed bit-field '" + straddling
          + "' spans more than 8 bytes from its first byte (not supported)");
    }
  }

  /**
   * The alignment {@code _Alignas(e)} or {@code aligned(e)} asks for: a power of two up to
   * {@link #MAX_ALIGNMENT}, or 0 (no effect, as C11 has it for {@code _Alignas(0)}); otherwise
   * an error as gcc words it, at {@code pos} (the keyword or attribute name).
   */
  public int requestedAlignment(Expr e, SourcePos pos) {
    Long v = requireConstant(e, "requested alignment");
    if (v == null || v == 0) return 0;
    if (v < 0 || (v & (v - 1)) != 0) {
      diagnostics.error(pos, "requested alignment '" + v + "' is not a positive power of 2");
      return 0;
    }
    if (v > MAX_ALIGNMENT) {
      diagnostics.error(pos, "requested alignment '" + v + "' exceeds maximum " + MAX_ALIGNMENT);
      return 0;
    }
    return (int) (long) v;
  }

  /** gcc's error for an {@code _Alignas} below the alignment of the declared object's type. */
  public void checkAlignas(Attributes attrs, Type type, String name, SourcePos pos) {
    if (attrs.alignas() > 0 && !type.isError() && attrs.alignas() < type.align()) {
      diagnostics.error(pos, "'_Alignas' specifiers cannot reduce alignment of '" + name + "'");
    }
  }

  /** The largest alignment asked of an object or member: a wasm page. */
  public static final int MAX_ALIGNMENT = 65536;

  /** Checks bit-field {@code i}'s type and width; an invalid one becomes a valid stand-in. */
  public void checkBitField(List<String> names, List<Type> types, List<SourcePos> positions, List<Integer> widths,
      SourcePos widthPos, int i) {
    Type t = types.get(i);
    String n = names.get(i);
    String what = n == null ? "anonymous bit-field" : "bit-field '" + n + "'";
    if (!(t instanceof IntType it)) {
      if (!t.isError()) diagnostics.error(positions.get(i), what + " has non-integral type '" + t.spell() + "'");
      types.set(i, IntType.INT);
      widths.set(i, Math.max(0, Math.min(widths.get(i), 32)));
      return;
    }
    int w = widths.get(i);
    int max = it == IntType.BOOL ? 1 : 8 * it.size();
    if (w < 0) {
      diagnostics.error(widthPos, what + " has negative width (" + w + ")");
      widths.set(i, 1);
    } else if (w == 0 && n != null) {
      diagnostics.error(widthPos, "named bit-field '" + n + "' has zero width");
      widths.set(i, 1);
    } else if (w > max) {
      diagnostics.error(widthPos, "width of " + what + " (" + w + " bits) exceeds the width of its type ("
          + max + " bit" + (max == 1 ? "" : "s") + ")");
      widths.set(i, max);
    }
  }

  /** Resolves {@code enum tag}; returns the (int) type. */
  public Type enumTag(String tag, boolean defining, SourcePos pos) {
    if (tag != null) {
      Object existing = defining ? scope.tags.get(tag) : scope.lookupTag(tag);
      if (existing instanceof StructType) {
        diagnostics.error(pos, "use of '" + tag + "' with tag type that does not match previous declaration");
      } else if (existing == null) {
        scope.tags.put(tag, new Scope.EnumTag(tag, ++enumTypes));
      }
    }
    return IntType.INT;
  }

  /** The enumerators of an enum being defined, and the value the next one takes by default. */
  public static final class EnumBody {
    private final List<Symbol> constants = new ArrayList<>();
    private long next;
    private IntType nextType = IntType.INT;
    private boolean overflow;
  }

  public EnumBody beginEnum() {
    return new EnumBody();
  }

  /**
   * Declares an enumerator, {@code value} null for the previous one plus one. As gcc has it
   * (a GNU extension): a value that fits int is an int, any other keeps its type (a 32-bit one
   * counts as int or unsigned int) until the enum is complete, and the implicit next value is
   * the previous plus one in that type, an error if it overflows.
   */
  public void enumConstant(EnumBody body, String name, SourcePos pos, Expr value) {
    long v;
    IntType type;
    if (value != null) {
      Long c = requireConstant(value, "enumerator value");
      Type vt = rvalue(value).type();
      type = vt instanceof IntType it ? (IntType) Types.promote(it) : IntType.INT;
      v = c == null ? 0 : type.wrap(c);
    } else {
      if (body.overflow) diagnostics.error(pos, "overflow in enumeration values");
      v = body.next;
      type = body.nextType;
    }
    if (type.size() == 4) type = type.isSigned() ? IntType.INT : IntType.UINT; // long is 32-bit here
    if (fitsInt(v, type)) type = IntType.INT;
    body.next = type.wrap(v + 1);
    body.overflow = type.isSigned() ? body.next < v : Long.compareUnsigned(body.next, v) < 0;
    body.nextType = type;
    Symbol s = new Symbol(name, Symbol.Kind.ENUM_CONSTANT, type, Symbol.Storage.NONE, pos);
    s.setEnumValue(v);
    addToScope(s, pos);
    body.constants.add(s);
  }

  private static boolean fitsInt(long v, IntType type) {
    if (!type.isSigned()) return Long.compareUnsigned(v, Integer.MAX_VALUE) <= 0;
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  /**
   * Completes an enum definition and returns its type, gcc's: {@code unsigned int} when no
   * enumerator is negative and all fit 32 bits, {@code int} when all fit a signed 32 bits,
   * else {@code unsigned long long} or {@code long long}; an enumerator that does not fit int
   * takes the enum's type (the others stay int).
   */
  public IntType completeEnum(String tag, EnumBody body) {
    boolean unsigned = true;
    for (Symbol c : body.constants) {
      if (((IntType) c.type()).isSigned() && c.enumValue() < 0) unsigned = false;
    }
    int precision = 0;
    for (Symbol c : body.constants) {
      long v = c.enumValue();
      boolean negative = ((IntType) c.type()).isSigned() && v < 0;
      int bits = 64 - Long.numberOfLeadingZeros(negative ? ~v : v);
      precision = Math.max(precision, unsigned ? bits : bits + 1);
    }
    IntType type = precision <= 32 ? (unsigned ? IntType.UINT : IntType.INT) : unsigned ? IntType.ULLONG : IntType.LLONG;
    for (Symbol c : body.constants) {
      if (!fitsInt(c.enumValue(), (IntType) c.type())) {
        c.setType(type);
        c.setEnumValue(type.wrap(c.enumValue()));
      }
    }
    if (tag != null && scope.tags.get(tag) instanceof Scope.EnumTag e) {
      e.unsigned = unsigned;
      e.type = type;
    }
    return type;
  }

  /** The type of {@code enum tag} ({@code int} while its enumerators are not known). */
  public IntType enumType(String tag) {
    return scope.lookupTag(tag) instanceof Scope.EnumTag e && e.type != null ? e.type : IntType.INT;
  }

  /** The number of {@code enum tag} (of a new anonymous enum for null): see {@link PointerType#ENUM_SHIFT}. */
  public int enumNumber(String tag) {
    return tag == null ? ++enumTypes : scope.lookupTag(tag) instanceof Scope.EnumTag e ? e.number : 0;
  }

  /** Whether {@code enum tag} names an enum whose enumerators are all non-negative. */
  public boolean isUnsignedEnum(String tag) {
    return scope.lookupTag(tag) instanceof Scope.EnumTag e && e.unsigned;
  }

  /** Whether typedef name {@code name} stands for such an enum type. */
  public boolean isUnsignedEnumTypedef(String name) {
    Symbol s = scope.lookup(name);
    return s != null && s.kind() == Symbol.Kind.TYPEDEF && s.isUnsignedEnum();
  }

  /** The enum number typedef name {@code name} was declared with (0: none; see {@link #enumNumber}). */
  public int typedefEnumNumber(String name) {
    return scope.lookup(name).enumNumber();
  }

  /** Records the enum type the typedef just declared was written as. */
  public void markEnumTypedef(String name, int number) {
    Symbol s = scope.names.get(name);
    if (s != null && s.kind() == Symbol.Kind.TYPEDEF) s.setEnumNumber(number);
  }

  /** Marks the typedef just declared as naming such an enum type. */
  public void markUnsignedEnumTypedef(String name) {
    Symbol s = scope.names.get(name);
    if (s != null && s.kind() == Symbol.Kind.TYPEDEF) s.setUnsignedEnum(true);
  }

  private void addToScope(Symbol s, SourcePos pos) {
    Symbol old = scope.names.get(s.name());
    if (old != null) {
      diagnostics.error(pos, "redefinition of '" + s.name() + "'");
    }
    scope.names.put(s.name(), s);
  }

  // =====================================================================================
  // Declarations
  // =====================================================================================

  /** Declares a typedef name. */
  public void typedef(Declarator d) {
    if (atFileScope() && Types.isVariablyModified(d.type())) {
      diagnostics.error(d.pos(), "variably modified '" + d.name() + "' at file scope");
      pendingLengths.clear();
    }
    Symbol old = scope.names.get(d.name());
    if (old != null && old.kind() == Symbol.Kind.TYPEDEF) {
      if (!Types.compatible(old.type(), d.type())) {
        diagnostics.error(d.pos(), "typedef redefinition with different types ('" + d.type().spell()
            + "' vs '" + old.type().spell() + "')");
      }
      return;
    }
    addToScope(new Symbol(d.name(), Symbol.Kind.TYPEDEF, d.type(), Symbol.Storage.NONE, d.pos()), d.pos());
  }

  /**
   * Declares an object or function (not a typedef). Returns the symbol, shared with earlier
   * declarations of the same entity.
   */
  public Symbol declare(DeclSpec spec, Declarator d, boolean hasInitializer) {
    Type type = d.type();
    Attributes attrs = spec.attributes().merge(d.attributes());
    if (!(type instanceof FunctionType)) checkAlignas(attrs, type, d.name(), d.pos());
    if (type instanceof FunctionType ft) {
      if (attrs.alignas() > 0) diagnostics.error(d.pos(), "alignment specified for function '" + d.name() + "'");
      if (!atFileScope() && spec.storage() == DeclSpec.Storage.STATIC) {
        diagnostics.error(d.pos(), "function declared in block scope cannot have 'static' storage class");
      }
      Symbol s = declareFileScope(d.name(), Symbol.Kind.FUNCTION, ft,
          spec.storage() == DeclSpec.Storage.STATIC ? Symbol.Storage.INTERNAL : Symbol.Storage.EXTERNAL, d.pos());
      applyAttributes(s, attrs);
      if (!atFileScope()) scope.names.put(d.name(), s);
      return s;
    }
    if (type.isVoid()) {
      diagnostics.error(d.pos(), "variable '" + d.name() + "' declared void");
      type = ErrorType.ERROR;
    }
    if (Types.isVariablyModified(type)) {
      // gcc's errors: such an object has no linkage and automatic storage (a static pointer to
      // a variable-length array is allowed in a block, its length evaluated each time)
      boolean vla = type instanceof ArrayType;
      String error = atFileScope() ? "variably modified '" + d.name() + "' at file scope"
          : spec.storage() == DeclSpec.Storage.EXTERN ? "object with variably modified type must have no linkage"
          : vla && spec.storage() == DeclSpec.Storage.STATIC ? "storage size of '" + d.name() + "' isn't constant"
          : null;
      if (error != null) {
        diagnostics.error(d.pos(), error);
        pendingLengths.clear();
        type = ErrorType.ERROR;
      } else if (vla) {
        if (hasInitializer) diagnostics.error(d.pos(), "variable-sized object may not be initialized");
        // The object lives below the frame; its name denotes *storage (see identifier()).
        if (attrs.align() > 0) diagnostics.warning(d.pos(), "alignment of variable-length array '" + d.name() + "' is ignored");
        Symbol s = new Symbol(d.name(), Symbol.Kind.OBJECT, type, Symbol.Storage.AUTO, d.pos());
        s.setFromLibrary(library);
        addToScope(s, d.pos());
        vlaStorage.put(s, temporary(new PointerType(type), d.pos()));
        return s;
      }
    }
    if (atFileScope()) {
      if (spec.storage() == DeclSpec.Storage.AUTO || spec.storage() == DeclSpec.Storage.REGISTER) {
        diagnostics.error(d.pos(), "illegal storage class on file-scoped variable");
      }
      Symbol.Storage storage = spec.storage() == DeclSpec.Storage.STATIC ? Symbol.Storage.INTERNAL : Symbol.Storage.EXTERNAL;
      Symbol s = declareFileScope(d.name(), Symbol.Kind.OBJECT, type, storage, d.pos());
      applyAttributes(s, attrs);
      if (spec.storage() != DeclSpec.Storage.EXTERN || hasInitializer) {
        if (!hasInitializer) tentative.add(s);
      }
      return s;
    }
    if (spec.storage() == DeclSpec.Storage.EXTERN) {
      if (hasInitializer) diagnostics.error(d.pos(), "'extern' variable cannot have an initializer");
      Symbol s = declareFileScope(d.name(), Symbol.Kind.OBJECT, type, Symbol.Storage.EXTERNAL, d.pos());
      s.requestAlign(attrs.align());
      scope.names.put(d.name(), s);
      return s;
    }
    Symbol.Storage storage = spec.storage() == DeclSpec.Storage.STATIC ? Symbol.Storage.STATIC_LOCAL : Symbol.Storage.AUTO;
    Symbol s = new Symbol(d.name(), Symbol.Kind.OBJECT, type, storage, d.pos());
    s.setFromLibrary(library);
    s.requestAlign(attrs.align());
    addToScope(s, d.pos());
    if (storage == Symbol.Storage.AUTO) {
      function.locals.add(s);
    } else if (!hasInitializer) {
      staticLocals.add(new GlobalVar(s, null));
    }
    return s;
  }

  private void applyAttributes(Symbol s, Attributes attrs) {
    if (attrs.noreturn()) s.setNoreturn(true);
    if (s.kind() == Symbol.Kind.OBJECT) s.requestAlign(attrs.align());
    if (attrs.exportName() != null) s.setExportName(attrs.exportName());
    if (attrs.importName() != null || attrs.importModule() != null) {
      s.setImport(attrs.importModule() == null ? "env" : attrs.importModule(),
          attrs.importName() == null ? s.name() : attrs.importName());
    }
  }

  private Symbol declareFileScope(String name, Symbol.Kind kind, Type type, Symbol.Storage storage, SourcePos pos) {
    Symbol old = fileSymbols.get(name);
    if (old == null) {
      Symbol shadowing = fileScope.names.get(name);
      if (shadowing != null) {
        diagnostics.error(pos, "redefinition of '" + name + "' as different kind of symbol");
        return new Symbol(name, kind, type, storage, pos);
      }
      Symbol s = new Symbol(name, kind, type, storage, pos);
      s.setFromLibrary(library);
      fileSymbols.put(name, s);
      fileScope.names.put(name, s);
      if (atFileScope()) scope.names.put(name, s);
      return s;
    }
    if (old.kind() != kind) {
      diagnostics.error(pos, "redefinition of '" + name + "' as different kind of symbol");
      return old;
    }
    if (!Types.compatible(old.type(), type)) {
      diagnostics.error(pos, "conflicting types for '" + name + "' ('" + type.spell() + "' vs '"
          + old.type().spell() + "')");
      return old;
    }
    old.setType(Types.composite(old.type(), type));
    if (storage == Symbol.Storage.INTERNAL && old.storage() == Symbol.Storage.EXTERNAL && atFileScope()) {
      diagnostics.error(pos, "static declaration of '" + name + "' follows non-static declaration");
    }
    if (atFileScope()) scope.names.put(name, old);
    return old;
  }

  /** Records the initializer of a variable; returns the statement that performs it (null for statics). */
  public Stmt initialize(Symbol s, InitSyntax init, SourcePos pos) {
    if (s.type().isError() || vlaStorage.containsKey(s)) return null;
    Initializers resolver = new Initializers(this);
    Type t = s.type();
    if (!t.isComplete() && !(t instanceof ArrayType a && a.length() < 0)) {
      diagnostics.error(s.pos(), "variable '" + s.name() + "' has incomplete type '" + t.spell() + "'");
      return null;
    }
    Initializer resolved;
    try {
      resolved = resolver.resolve(t, init);
    } catch (CompileError e) {
      return null;
    }
    if (resolver.completedType() != null) s.setType(resolver.completedType());
    if (s.hasStaticStorage()) {
      for (Initializer.Item item : resolved.items()) checkConstant(item.value());
      if (s.storage() == Symbol.Storage.STATIC_LOCAL) {
        staticLocals.add(new GlobalVar(s, resolved));
      } else {
        if (s.isDefined() && definedGlobals.containsKey(s)) {
          diagnostics.error(pos, "redefinition of '" + s.name() + "'");
        }
        s.setDefined(true);
        tentative.remove(s);
        definedGlobals.put(s, new GlobalVar(s, resolved));
      }
      return null;
    }
    return new Stmt.LocalInit(pos, s, resolved);
  }

  /** Checks the size of an automatic or static object once its declaration is complete. */
  public void checkComplete(Symbol s) {
    if (s.kind() != Symbol.Kind.OBJECT || s.type().isError() || vlaStorage.containsKey(s)) return;
    if (s.storage() == Symbol.Storage.AUTO || s.storage() == Symbol.Storage.STATIC_LOCAL) {
      if (!s.type().isComplete()) {
        diagnostics.error(s.pos(), s.type() instanceof ArrayType
            ? "definition of variable with array type needs an explicit size or an initializer"
            : "variable '" + s.name() + "' has incomplete type '" + s.type().spell() + "'");
        s.setType(ErrorType.ERROR);
      }
    }
  }

  private void checkConstant(Expr e) {
    if (!ConstantEvaluator.isStaticInitializer(e)) {
      diagnostics.error(e.pos(), "initializer element is not a compile-time constant");
    }
  }

  /** Enters a function body: declares the parameters. */
  public Symbol beginFunction(DeclSpec spec, Declarator d) {
    List<PendingLength> lengths = new ArrayList<>(pendingLengths);
    pendingLengths.clear();
    Symbol s = declare(spec, d, false);
    FunctionType ft = (FunctionType) d.type();
    if (s.isDefined() && s.kind() == Symbol.Kind.FUNCTION) {
      diagnostics.error(d.pos(), "redefinition of '" + d.name() + "'");
    }
    s.setDefined(true);
    if (ft.result().isStruct() && !ft.result().isComplete()) {
      diagnostics.error(d.pos(), "incomplete result type '" + ft.result().spell() + "' in function definition");
    }
    function = new FunctionContext(s, ft, diagnostics.errorCount());
    pushScope();
    List<Declarator.Param> params = d.params() == null ? List.of() : d.params();
    for (Declarator.Param p : params) {
      if (p.name() == null) {
        diagnostics.error(p.pos(), "parameter name omitted");
        continue;
      }
      Type pt = p.type();
      if (pt.isStruct() && !pt.isComplete()) {
        diagnostics.error(p.pos(), "variable has incomplete type '" + pt.spell() + "'");
        pt = ErrorType.ERROR;
      }
      // the symbol the parameter's prototype scope had, which later parameters' lengths name
      Symbol ps = p.symbol() != null ? p.symbol() : new Symbol(p.name(), Symbol.Kind.OBJECT, pt, Symbol.Storage.PARAM, p.pos());
      ps.setType(pt);
      addToScope(ps, p.pos());
      function.params.add(ps);
    }
    // The lengths in the parameters' types (int a[n][n] is int (*)[n]) are evaluated on entry.
    Set<VariableLength> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Symbol p : function.params) variableLengths(p.type(), used);
    pendingLengths.addAll(lengths);
    // An array parameter's first length is lost when its type becomes a pointer, but gcc
    // evaluates it on entry all the same (with the others, innermost first): so do we when
    // that shows, i.e. when the length may have an effect.
    for (PendingLength p : pendingLengths) {
      if (!used.contains(p.length()) && !isEffectFree(p.count())) used.add(p.length());
    }
    evaluateLengths(used, function.prelude);
    return s;
  }

  /**
   * An old-style definition's parameter {@code name} of a type that promotes: the caller passed
   * the promoted value as parameter {@code passedName}; the body's {@code name} is a local of
   * the declared type, given the converted value on entry (C89 3.7.1, as gcc does).
   */
  public void oldStyleParameter(String name, Type declared, String passedName, SourcePos pos) {
    Symbol passed = scope.lookup(passedName);
    Symbol local = new Symbol(name, Symbol.Kind.OBJECT, declared, Symbol.Storage.AUTO, pos);
    addToScope(local, pos);
    function.locals.add(local);
    function.prelude.add(new Stmt.ExprStmt(pos, new Assign(pos, declared, new VarRef(pos, declared, local),
        convert(new VarRef(pos, passed.type(), passed), declared))));
  }

  /**
   * Leaves a function body ({@code pos}: its opening brace, {@code end}: its closing one), and
   * warns, as gcc's -Wreturn-type does, when control can reach the end of a non-void function
   * other than {@code main} (which returns 0 there, as C99 says).
   */
  public FunctionDef endFunction(Stmt.Block body, SourcePos pos, SourcePos end) {
    for (Stmt.Goto g : function.gotos) {
      if (!function.labels.containsKey(g.label())) {
        diagnostics.error(g.pos(), "use of undeclared label '" + written(g.label()) + "'");
        continue;
      }
      List<Integer> around = function.labelStmtExprs.get(g.label());
      List<Integer> at = function.gotoStmtExprs.get(g);
      if (around.size() > at.size() || !at.subList(0, around.size()).equals(around)) {
        diagnostics.error(g.pos(), "jump into statement expression (label '" + written(g.label()) + "' defined at "
            + function.labels.get(g.label()).line() + ":" + function.labels.get(g.label()).column() + ")");
      }
    }
    for (Expr.LabelAddress a : function.labelAddresses) {
      if (!function.labels.containsKey(a.label())) {
        diagnostics.error(a.pos(), "label '" + written(a.label()) + "' used but not defined");
      } else if (!function.labelStmtExprs.get(a.label()).isEmpty()) {
        diagnostics.error(a.pos(), "taking the address of label '" + written(a.label())
            + "' inside a statement expression is not supported");
      }
    }
    Set<String> targeted = new HashSet<>(function.addressTaken);
    for (Stmt.Goto g : function.gotos) targeted.add(g.label());
    // a body with errors lost the statements that failed, which may have been its returns
    if (diagnostics.errorCount() == function.errorsAtStart && !function.type.result().isVoid()
        && !function.type.result().isError() && !function.symbol.name().equals("main")
        && ReturnFlow.reachesEnd(body, targeted)) {
      diagnostics.warning(end, "control reaches end of non-void function '" + function.symbol.name() + "'");
    }
    popScope();
    body = finishVlas(body);
    FunctionDef def = new FunctionDef(function.symbol, function.params, body, usedPairs(body), pos);
    functions.add(def);
    function = null;
    return def;
  }

  public TranslationUnit finish() {
    List<GlobalVar> globals = new ArrayList<>(definedGlobals.values());
    for (Symbol s : tentative) {
      if (s.isDefined()) continue;
      if (s.type() instanceof ArrayType a && a.length() < 0) {
        diagnostics.warning(s.pos(), "tentative array definition assumed to have one element");
        s.setType(new ArrayType(a.element(), 1));
      }
      if (!s.type().isComplete()) {
        if (!s.type().isError()) {
          diagnostics.error(s.pos(), "tentative definition has type '" + s.type().spell() + "' that is never completed");
        }
        continue;
      }
      s.setDefined(true);
      globals.add(new GlobalVar(s, null));
    }
    globals.addAll(staticLocals);
    for (Symbol s : fileSymbols.values()) {
      if (s.kind() == Symbol.Kind.FUNCTION && s.storage() == Symbol.Storage.INTERNAL && !s.isDefined()
          && usedInternal.contains(s)) {
        diagnostics.warning(s.pos(), "function '" + s.name() + "' has internal linkage but is not defined");
      }
    }
    return new TranslationUnit(file, functions, globals, new ArrayList<>(fileSymbols.values()));
  }

  private final Set<Symbol> usedInternal = new HashSet<>();

  /**
   * The external function {@code name} of the libc's soft-float routines, declared in this
   * unit (but in no scope, so user code cannot see it) the first time it is needed.
   */
  Symbol runtimeFunction(String name, FunctionType ft, SourcePos pos) {
    Symbol s = fileSymbols.get(name);
    if (s != null && s.kind() == Symbol.Kind.FUNCTION) return s;
    s = new Symbol(name, Symbol.Kind.FUNCTION, ft, Symbol.Storage.EXTERNAL, pos);
    s.setFromLibrary(true);
    fileSymbols.put(name, s);
    return s;
  }

  /**
   * The function's locals without the complex pairs its body does not hold: those of
   * expressions analysed but not evaluated (the unselected associations of a {@code _Generic},
   * as {@code <tgmath.h>}'s are), which would take frame space.
   */
  private List<Symbol> usedPairs(Stmt.Block body) {
    if (function.locals.stream().noneMatch(ComplexArithmetic::isPair)) return function.locals;
    Set<Symbol> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    AstWalker.expressions(body, e -> {
      if (e instanceof CompoundLiteral c) used.add(c.object());
    });
    return function.locals.stream().filter(s -> !ComplexArithmetic.isPair(s) || used.contains(s)).toList();
  }

  /** Adds an unnamed automatic object to the current function (nothing at file scope). */
  void addLocal(Symbol s) {
    if (function == null) return;
    s.setFromLibrary(library);
    function.locals.add(s);
  }

  /**
   * A compiler temporary: an automatic variable of the current function (outside one, where an
   * expression is either not evaluated or refused as not constant, of no function).
   */
  Symbol temporary(Type t, SourcePos pos) {
    Symbol s = new Symbol("__tmp", Symbol.Kind.OBJECT, t, Symbol.Storage.AUTO, pos);
    s.setFromLibrary(library);
    if (function != null) function.locals.add(s);
    return s;
  }

  // =====================================================================================
  // Statements
  // =====================================================================================

  public Expr condition(Expr e) {
    Expr v = rvalue(e);
    if (v.type().isError()) return v;
    if (v.type().isComplex()) return complex.truth(v, v.pos());
    if (!v.type().isScalar()) {
      return error(v.pos(), "statement requires expression of scalar type ('" + v.type().spell() + "' invalid)");
    }
    if (v.type() instanceof FloatType) return soft.truth(v, v.pos());
    return v;
  }

  public Stmt returnStatement(SourcePos pos, Expr value) {
    Type result = function.type.result();
    if (value == null) {
      if (!result.isVoid()) {
        diagnostics.warning(pos, "non-void function '" + function.symbol.name() + "' should return a value");
      }
      return new Stmt.Return(pos, null);
    }
    if (result.isVoid()) {
      Expr v = rvalue(value);
      if (!v.type().isVoid() && !v.type().isError()) {
        diagnostics.error(pos, "void function '" + function.symbol.name() + "' should not return a value");
      }
      return new Stmt.ExprStmt(pos, v);
    }
    return new Stmt.Return(pos, assignConvert(value, result, "returning"));
  }

  /** A label's name as written: the parser renames a GNU local label ({@code __label__}) "name@n". */
  private static String written(String label) {
    int at = label.indexOf('@');
    return at < 0 ? label : label.substring(0, at);
  }

  public void label(String name, SourcePos pos) {
    if (function.labels.putIfAbsent(name, pos) != null) {
      diagnostics.error(pos, "redefinition of label '" + written(name) + "'");
    }
    function.labelVlas.put(name, vlaChain(scope));
    function.labelStmtExprs.putIfAbsent(name, List.copyOf(function.stmtExprs));
  }

  public Stmt.Goto gotoStatement(String label, SourcePos pos) {
    Stmt.Goto g = new Stmt.Goto(pos, label);
    function.gotos.add(g);
    function.gotoVlas.put(g, vlaChain(scope));
    function.gotoStmtExprs.put(g, List.copyOf(function.stmtExprs));
    return g;
  }

  /** GNU {@code &&label}; checked against the function's labels at its end. */
  public Expr labelAddress(String label, SourcePos pos) {
    if (function == null) return error(pos, "label '" + written(label) + "' referenced outside of any function");
    Expr.LabelAddress a = new Expr.LabelAddress(pos, new PointerType(VoidType.VOID), function.symbol, label);
    function.labelAddresses.add(a);
    function.addressTaken.add(label);
    return a;
  }

  /** GNU {@code goto *target;}. */
  public Stmt computedGoto(Expr target, SourcePos pos) {
    Expr v = rvalue(target);
    if (!(v.type() instanceof PointerType)) {
      if (!v.type().isError()) diagnostics.error(pos, "computed goto must be pointer type");
      return new Stmt.Empty(pos);
    }
    return new Stmt.ComputedGoto(pos, convert(v, new PointerType(VoidType.VOID)), function.addressTaken);
  }

  /** Enters the body of a GNU statement expression (only inside a function). */
  public void beginStatementExpression() {
    function.stmtExprs.add(++function.stmtExprCount);
  }

  public void endStatementExpression() {
    function.stmtExprs.remove(function.stmtExprs.size() - 1);
  }

  /** Enters the body of a loop: a break or continue in it leaves the current scope. */
  public void beginLoop() {
    breakScopes.add(scope);
    continueScopes.add(scope);
  }

  public void endLoop() {
    breakScopes.remove(breakScopes.size() - 1);
    continueScopes.remove(continueScopes.size() - 1);
  }

  /** {@code break} or {@code continue}: first releases the variable-length arrays it leaves. */
  public Stmt jumpStatement(boolean isBreak, SourcePos pos) {
    Stmt jump = isBreak ? new Stmt.Break(pos) : new Stmt.Continue(pos);
    List<Scope> targets = isBreak ? breakScopes : continueScopes;
    if (targets.isEmpty()) return jump;
    List<Symbol> target = vlaChain(targets.get(targets.size() - 1));
    if (vlaChain(scope).size() == target.size()) return jump;
    return new Stmt.Block(pos, List.of(releaseTo(target, pos), jump));
  }

  public Expr beginSwitch(Expr value) {
    Expr v = rvalue(value);
    if (!v.type().isError() && !v.type().isInteger()) {
      v = error(v.pos(), "statement requires expression of integer type ('" + v.type().spell() + "' invalid)");
    }
    Type t = v.type().isError() ? IntType.INT : Types.promote(v.type());
    switches.add(new SwitchContext(t, scope, function.stmtExprs.size()));
    breakScopes.add(scope);
    return convert(v, t);
  }

  public void endSwitch() {
    switches.remove(switches.size() - 1);
    breakScopes.remove(breakScopes.size() - 1);
  }

  /**
   * A case or default label may not be in the scope of a variable-length array the switch is
   * not, nor in a statement expression the switch is not.
   */
  private void checkCaseScope(SwitchContext sw, SourcePos pos) {
    if (function.stmtExprs.size() > sw.stmtExprDepth) {
      diagnostics.error(pos, "switch jumps into statement expression");
    }
    List<Symbol> here = vlaChain(scope);
    if (here.size() > vlaChain(sw.scope).size()) {
      Symbol v = here.get(here.size() - 1);
      diagnostics.error(pos, "switch jumps into scope of identifier with variably modified type ('"
          + v.name() + "' declared at " + v.pos().line() + ":" + v.pos().column() + ")");
    }
  }

  /** Checks a case label and returns its value converted to the switch's type. */
  public long caseLabel(Expr value, SourcePos pos) {
    Long v = constantValue(value);
    if (switches.isEmpty()) {
      throw diagnostics.fail(pos, "'case' statement not in switch statement");
    }
    if (v == null) {
      throw diagnostics.fail(value.pos(), "expression is not an integer constant expression");
    }
    SwitchContext sw = switches.get(switches.size() - 1);
    checkCaseScope(sw, pos);
    long converted = ((IntType) sw.valueType).wrap(v);
    if (!sw.values.add(converted)) {
      diagnostics.error(value.pos(), "duplicate case value '" + converted + "'");
    }
    return converted;
  }

  /** Longest GNU case range accepted: each value becomes a label of its own. */
  public static final int MAX_CASE_RANGE = 4096;

  /** The values of a GNU case range {@code case low ... high:}, in order (none if low > high). */
  public List<Long> caseRange(Expr low, Expr high, SourcePos pos) {
    Long lo = constantValue(low);
    Long hi = constantValue(high);
    if (switches.isEmpty()) throw diagnostics.fail(pos, "'case' statement not in switch statement");
    if (lo == null) throw diagnostics.fail(low.pos(), "expression is not an integer constant expression");
    if (hi == null) throw diagnostics.fail(high.pos(), "expression is not an integer constant expression");
    if (lo > hi) {
      diagnostics.warning(low.pos(), "empty range specified");
      return List.of();
    }
    if (hi - lo >= MAX_CASE_RANGE) {
      throw diagnostics.fail(low.pos(), "case range of " + (hi - lo + 1) + " values is too large (at most "
          + MAX_CASE_RANGE + ")");
    }
    List<Long> values = new ArrayList<>();
    for (long v = lo; v <= hi; v++) {
      values.add(caseLabel(new IntConst(low.pos(), low.type(), v), pos));
    }
    return values;
  }

  public void defaultLabel(SourcePos pos) {
    if (switches.isEmpty()) throw diagnostics.fail(pos, "'default' statement not in switch statement");
    SwitchContext sw = switches.get(switches.size() - 1);
    checkCaseScope(sw, pos);
    if (sw.hasDefault) diagnostics.error(pos, "multiple default labels in one switch");
    sw.hasDefault = true;
  }

  // =====================================================================================
  // Primary expressions
  // =====================================================================================

  public Expr error(SourcePos pos, String message) {
    diagnostics.error(pos, message);
    return new IntConst(pos, ErrorType.ERROR, 0);
  }

  private static Expr poisoned(SourcePos pos) {
    return new IntConst(pos, ErrorType.ERROR, 0);
  }


  /** A use of an identifier. {@code calledNext} allows an implicit function declaration. */
  public Expr identifier(String name, SourcePos pos, boolean calledNext) {
    Symbol s = scope.lookup(name);
    if (s == null) {
      if (name.equals("__func__") || name.equals("__FUNCTION__")) {
        if (function == null) return error(pos, "'__func__' is not in a function");
        return funcName(pos);
      }
      if (calledNext) {
        if (!isBuiltin(name)) {
          diagnostics.warning(pos, "implicit declaration of function '" + name + "'");
        }
        FunctionType ft = new FunctionType(IntType.INT, List.of(), false, false);
        Scope saved = scope;
        scope = fileScope;
        try {
          s = declareFileScope(name, Symbol.Kind.FUNCTION, ft, Symbol.Storage.EXTERNAL, pos);
        } finally {
          scope = saved;
        }
        return new VarRef(pos, s.type(), s);
      }
      return error(pos, "use of undeclared identifier '" + name + "'");
    }
    return switch (s.kind()) {
      case ENUM_CONSTANT -> new IntConst(pos, s.type(), s.enumValue());
      case TYPEDEF -> error(pos, "unexpected type name '" + name + "': expected expression");
      default -> {
        if (s.storage() == Symbol.Storage.INTERNAL) usedInternal.add(s);
        Symbol storage = vlaStorage.get(s);
        if (storage != null) yield new Deref(pos, s.type(), new VarRef(pos, storage.type(), storage));
        yield new VarRef(pos, s.type(), s);
      }
    };
  }

  public static boolean isBuiltin(String name) {
    if (Builtins.isBitCount(name) || AtomicBuiltins.arity(name) >= 0) return true;
    return switch (name) {
      case Builtins.EXIT, Builtins.TRAP, Builtins.UNREACHABLE, Builtins.HEAP_BASE, Builtins.STACK_POINTER,
          Builtins.MEMORY_SIZE, Builtins.F32_BITS, Builtins.F64_BITS, Builtins.BITS_F32, Builtins.BITS_F64,
          Builtins.SETJMP, Builtins.LONGJMP, Builtins.ALLOCA, "__builtin_expect", "__builtin_complex" -> true;
      default -> false;
    };
  }

  private StringLit funcName(SourcePos pos) {
    String name = function.symbol.name();
    return funcNames.computeIfAbsent(name, n -> {
      byte[] bytes = (n + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return new StringLit(pos, new ArrayType(IntType.CHAR, bytes.length), bytes);
    });
  }

  public Expr integerLiteral(String text, SourcePos pos) {
    if (Literals.isFloating(text)) {
      try {
        Literals.FloatingConstant f = Literals.floating(text);
        Type t = switch (f.suffix()) {
          case 'f' -> FloatType.FLOAT;
          case 'l' -> FloatType.LDOUBLE;
          default -> FloatType.DOUBLE;
        };
        Expr value = SoftFloat.constant(pos, t, f.bits());
        if (!f.imaginary()) return value;
        return complex.pair(pos, StructType.complexOf(t), SoftFloat.constant(pos, t, 0), value);
      } catch (IllegalArgumentException e) {
        return error(pos, e.getMessage());
      }
    }
    if (Literals.isImaginary(text)) {
      // GNU: 2i is a complex int, 2ui a complex unsigned int, ... (the type of 2, 2u, ...)
      Expr value = integerLiteral(Literals.withoutImaginary(text), pos);
      if (!(value.type() instanceof IntType t)) return value;
      return complex.pair(pos, StructType.complexOf(t), new IntConst(pos, t, 0), value);
    }
    Literals.IntegerConstant c;
    try {
      c = Literals.integer(text);
    } catch (IllegalArgumentException e) {
      return error(pos, e.getMessage());
    }
    long v = c.value();
    boolean fitsSigned32 = v >= 0 && v <= Integer.MAX_VALUE;
    boolean fitsUnsigned32 = v >= 0 && v <= 0xFFFF_FFFFL;
    boolean fitsSigned64 = v >= 0;
    boolean otherRadix = !c.decimal();
    IntType t;
    if (c.longCount() < 2) {
      if (!c.unsignedSuffix() && fitsSigned32) {
        t = c.longCount() == 1 ? IntType.LONG : IntType.INT;
      } else if ((c.unsignedSuffix() || otherRadix) && fitsUnsigned32) {
        t = c.longCount() == 1 ? IntType.ULONG : IntType.UINT;
      } else if (!c.unsignedSuffix() && fitsSigned64) {
        t = IntType.LLONG;
      } else {
        t = IntType.ULLONG;
        if (!c.unsignedSuffix() && !otherRadix) {
          diagnostics.warning(pos, "integer constant is so large that it is unsigned");
        }
      }
    } else {
      t = c.unsignedSuffix() || (!fitsSigned64 && otherRadix) ? IntType.ULLONG : IntType.LLONG;
      if (t == IntType.LLONG && !fitsSigned64) {
        diagnostics.warning(pos, "integer constant is so large that it is unsigned");
        t = IntType.ULLONG;
      }
    }
    return new IntConst(pos, t, t.wrap(v));
  }

  public Expr charLiteral(String text, SourcePos pos) {
    try {
      Literals.CharacterConstant c = Literals.characterConstant(text);
      if (c.tooLong()) diagnostics.warning(pos, "character constant too long for its type");
      IntType t = c.encoding() == Literals.Encoding.PLAIN ? IntType.INT : unitType(c.encoding());
      return new IntConst(pos, t, t.wrap(c.value()));
    } catch (IllegalArgumentException e) {
      return error(pos, e.getMessage());
    }
  }

  /**
   * The element type of a string literal, which is also the type of a prefixed character
   * constant: wchar_t is int, as on clang's wasm32 (and gcc's x86-64); char16_t and char32_t
   * are unsigned short and unsigned int, as {@code <uchar.h>} defines them.
   */
  public static IntType unitType(Literals.Encoding enc) {
    return switch (enc) {
      case PLAIN, UTF8 -> IntType.CHAR;
      case WIDE -> IntType.INT;
      case UTF16 -> IntType.USHORT;
      case UTF32 -> IntType.UINT;
    };
  }

  /** A string literal from its code units (without the NUL), stored little-endian. */
  public Expr stringLiteral(Literals.Encoding enc, int[] units, SourcePos pos) {
    int n = enc.unitBytes;
    byte[] bytes = new byte[(units.length + 1) * n];
    for (int i = 0; i < units.length; i++) {
      for (int k = 0; k < n; k++) bytes[i * n + k] = (byte) (units[i] >>> 8 * k);
    }
    return new StringLit(pos, new ArrayType(unitType(enc), units.length + 1), bytes);
  }

  public Expr sizeOf(Type t, SourcePos pos) {
    if (t.isError()) return poisoned(pos);
    if (t instanceof FunctionType) return error(pos, "invalid application of 'sizeof' to a function type");
    if (t.isVoid()) return new IntConst(pos, SIZE_T, 1); // GNU: sizeof(void) == 1
    if (t instanceof ArrayType && Types.isVariablyModified(t)) return withLengths(t, () -> runtimeSize(t, pos));
    if (!t.isComplete()) {
      return error(pos, "invalid application of 'sizeof' to an incomplete type '" + t.spell() + "'");
    }
    return new IntConst(pos, SIZE_T, t.size());
  }

  /** {@code sizeof expression} ({@code alignof} too, with {@code align}): its type's, refused for a bit-field. */
  public Expr sizeOfExpression(Expr e, boolean align, String spelling, SourcePos pos) {
    if (isBitField(e)) return error(pos, "invalid application of '" + spelling + "' to bit-field '" + ((Member) e).name() + "'");
    if (!align && e.type() instanceof ArrayType && Types.isVariablyModified(e.type())) {
      // the operand of variable-length array type is evaluated (C99 6.5.3.4p2): sizeof a[i++]
      return new Comma(pos, SIZE_T, new Cast(pos, VoidType.VOID, rvalue(e)), runtimeSize(e.type(), pos));
    }
    if (align && e instanceof VarRef v && v.symbol().align() > Math.max(e.type().align(), 1) && !e.type().isError()) {
      return new IntConst(pos, SIZE_T, v.symbol().align());   // an object aligned beyond its type, as gcc has it
    }
    return align ? alignOf(e.type(), pos) : sizeOf(e.type(), pos);
  }

  /** The type {@code typeof(expression)} names; refused for a bit-field. */
  public Type typeOfExpression(Expr e, SourcePos pos) {
    if (isBitField(e)) {
      diagnostics.error(pos, "'typeof' applied to bit-field '" + ((Member) e).name() + "'");
      return IntType.INT;
    }
    return e.type();
  }

  public Expr alignOf(Type t, SourcePos pos) {
    if (t.isError()) return poisoned(pos);
    if (Types.isVariablyModified(t)) return withLengths(t, () -> new IntConst(pos, SIZE_T, t.align()));
    if (!t.isComplete() && !t.isVoid()) {
      return error(pos, "invalid application of '_Alignof' to an incomplete type '" + t.spell() + "'");
    }
    return new IntConst(pos, SIZE_T, t.align());
  }

  public Expr offsetOf(Type t, List<InitSyntax.Designator> path, SourcePos pos) {
    if (t.isError()) return poisoned(pos);
    Type cur = t;
    long offset = 0;
    for (InitSyntax.Designator d : path) {
      if (d.name() != null) {
        if (!(cur instanceof StructType st) || !st.isComplete()) {
          return error(d.pos(), "offsetof requires a struct or union type, not '" + cur.spell() + "'");
        }
        StructType.Found f = st.find(d.name());
        if (f == null) return error(d.pos(), "no member named '" + d.name() + "' in '" + st.spell() + "'");
        if (f.bits() != null) return error(d.pos(), "cannot compute offsetof of bit-field '" + d.name() + "'");
        offset += f.offset();
        cur = f.type();
      } else {
        if (!(cur instanceof ArrayType a)) return error(d.pos(), "subscripted value is not an array");
        offset += d.index() * a.element().size();
        cur = a.element();
      }
    }
    return new IntConst(pos, SIZE_T, offset);
  }

  /** {@code (type){ initializers }}. */
  public Expr compoundLiteral(Type t, InitSyntax.Braced init, SourcePos pos) {
    if (t.isError()) return poisoned(pos);
    if (t instanceof FunctionType || t.isVoid() || (!t.isComplete() && !(t instanceof ArrayType))) {
      return error(pos, "compound literal has incomplete or invalid type '" + t.spell() + "'");
    }
    if (Types.isVariablyModified(t)) {
      pendingLengths.clear();
      return error(pos, "compound literal has variable size");
    }
    Symbol.Storage storage = function == null ? Symbol.Storage.INTERNAL : Symbol.Storage.AUTO;
    Symbol s = new Symbol("__compound_literal", Symbol.Kind.OBJECT, t, storage, pos);
    Initializers resolver = new Initializers(this);
    Initializer resolved;
    try {
      resolved = resolver.resolve(t, init);
    } catch (CompileError e) {
      return poisoned(pos);
    }
    if (resolver.completedType() != null) s.setType(resolver.completedType());
    if (function == null) {
      for (Initializer.Item item : resolved.items()) checkConstant(item.value());
      s.setDefined(true);
      definedGlobals.put(s, new GlobalVar(s, resolved));
    } else {
      function.locals.add(s);
    }
    return new CompoundLiteral(pos, s.type(), s, resolved);
  }

  // =====================================================================================
  // Conversions
  // =====================================================================================

  /** Converts an array or function designator used as a value into a pointer. */
  public Expr rvalue(Expr e) {
    if (e.type() instanceof ArrayType a) return new Decay(e.pos(), new PointerType(a.element()), e);
    if (e.type() instanceof FunctionType) return new Decay(e.pos(), new PointerType(e.type()), e);
    return e;
  }

  /** An explicit or implied conversion of an rvalue; constants are folded. */
  public Expr convert(Expr e, Type to) {
    Type from = e.type();
    if (from.isError()) return e;
    if (to.isError()) return poisoned(e.pos());
    if (from.equals(to)) return e;
    if (from.isComplex() || to.isComplex()) {
      if (to.isVoid()) return new Cast(e.pos(), to, e);
      if ((from.isArithmetic() || from.isComplex()) && (to.isArithmetic() || to.isComplex())) {
        return complex.convert(e, to);
      }
      return error(e.pos(), "cannot convert '" + from.spell() + "' to '" + to.spell() + "'");
    }
    if (from instanceof FloatType || to instanceof FloatType) {
      if (from.isArithmetic() && to.isArithmetic()) return soft.convert(e, to);
      if (to.isVoid()) return new Cast(e.pos(), to, e);
      return error(e.pos(), "cannot convert '" + from.spell() + "' to '" + to.spell() + "'");
    }
    if (e instanceof IntConst c && (to instanceof IntType || to instanceof PointerType)) {
      if (from instanceof IntType || from instanceof PointerType) {
        long v = to instanceof IntType it ? it.wrap(c.value()) : c.value() & 0xFFFF_FFFFL;
        return new IntConst(e.pos(), to, v);
      }
    }
    return new Cast(e.pos(), to, e);
  }

  static boolean isNullPointerConstant(Expr e) {
    if (e instanceof IntConst c && c.value() == 0) {
      return c.type() instanceof IntType
          || (c.type() instanceof PointerType p && p.target().isVoid());
    }
    if (e instanceof Cast c && c.type() instanceof PointerType p && p.target().isVoid()) {
      return isNullPointerConstant(c.operand());
    }
    return false;
  }

  /**
   * Converts a value as if by assignment to an object of type {@code to} (C99 6.5.16.1),
   * reporting what is not allowed. {@code context} names the operation for messages.
   */
  public Expr assignConvert(Expr value, Type to, String context) {
    Expr v = rvalue(value);
    Type from = v.type();
    if (from.isError() || to.isError()) return v.type().isError() ? v : poisoned(v.pos());
    if (to.isArithmetic() && from.isArithmetic()) return convert(v, to);
    if (ComplexArithmetic.common(to, from) != null) return convert(v, to);
    if (to instanceof PointerType tp) {
      if (from instanceof PointerType fp) {
        if (!tp.target().isVoid() && !fp.target().isVoid() && !Types.compatible(tp.target(), fp.target())) {
          diagnostics.warning(v.pos(), "incompatible pointer types " + context + " '" + to.spell()
              + "' from '" + from.spell() + "'");
        }
        return convert(v, to);
      }
      if (isNullPointerConstant(v)) return convert(v, to);
      if (from.isInteger()) {
        diagnostics.warning(v.pos(), "incompatible integer to pointer conversion " + context + " '"
            + to.spell() + "' from '" + from.spell() + "'");
        return convert(v, to);
      }
    }
    if (to instanceof IntType it && from instanceof PointerType) {
      if (it != IntType.BOOL) {
        diagnostics.warning(v.pos(), "incompatible pointer to integer conversion " + context + " '"
            + to.spell() + "' from '" + from.spell() + "'");
      }
      return convert(v, to);
    }
    // an _Atomic struct and its struct assign to each other (reading one drops the qualifier)
    if (to instanceof StructType ts && from instanceof StructType fs && ts.unqualified() == fs.unqualified()) return v;
    return error(v.pos(), "incompatible types " + context + " '" + to.spell() + "' from '" + from.spell() + "'");
  }

  /** The default argument promotions for a variadic or unprototyped call. */
  private Expr promoteArgument(Expr e) {
    Expr v = rvalue(e);
    if (v.type() == FloatType.FLOAT) return convert(v, FloatType.DOUBLE);
    if (v.type() instanceof IntType) return convert(v, Types.promote(v.type()));
    if (v.type().isVoid()) return error(v.pos(), "argument has type 'void'");
    if (v.type().isStruct() && !v.type().isComplete()) {
      return error(v.pos(), "argument has incomplete type '" + v.type().spell() + "'");
    }
    return v;
  }

  public Expr cast(Type to, Expr e, SourcePos pos) {
    Expr v = rvalue(e);
    if (v.type().isError() || to.isError()) return poisoned(pos);
    if (to.isVoid()) return new Cast(pos, VoidType.VOID, v);
    if ((to instanceof FloatType && v.type().isPointer()) || (to.isPointer() && v.type() instanceof FloatType)) {
      return error(pos, "cannot cast '" + v.type().spell() + "' to '" + to.spell() + "'");
    }
    if (to.isComplex() || v.type().isComplex()) {
      if (ComplexArithmetic.common(to, v.type()) == null) {
        return error(pos, "cannot cast '" + v.type().spell() + "' to '" + to.spell() + "'");
      }
      Expr r = convert(v, to);
      return r instanceof IntConst c ? new IntConst(pos, c.type(), c.value()) : r;
    }
    if (!to.isScalar()) {
      if (to == v.type() && to.isStruct()) return v; // GNU: a cast to the same struct type
      return error(pos, "used type '" + to.spell() + "' where arithmetic or pointer type is required");
    }
    if (!v.type().isScalar()) {
      return error(pos, "operand of type '" + v.type().spell() + "' where arithmetic or pointer type is required");
    }
    Expr r = convert(v, to);
    if (r instanceof IntConst c) return new IntConst(pos, c.type(), c.value());
    // A cast is never an lvalue, even when it changes nothing.
    r = r == v ? new Cast(pos, to, v) : r;
    Expr cast = r;
    return Types.isVariablyModified(to) ? withLengths(to, () -> cast) : r;
  }

  // =====================================================================================
  // Operators
  // =====================================================================================

  private static boolean isLvalue(Expr e) {
    return (e instanceof VarRef v && v.symbol().kind() == Symbol.Kind.OBJECT)
        || e instanceof Deref || e instanceof StringLit || e instanceof CompoundLiteral
        || (e instanceof Member m && (isLvalue(m.base()) || m.base() instanceof Call));
  }

  private boolean checkModifiable(Expr target, SourcePos pos) {
    if (target.type().isError()) return false;
    if (!isLvalue(target) || target instanceof StringLit
        || (target instanceof Member m && m.base() instanceof Call)) {
      diagnostics.error(pos, "expression is not assignable");
      return false;
    }
    if (target.type() instanceof ArrayType) {
      diagnostics.error(pos, "array type '" + target.type().spell() + "' is not assignable");
      return false;
    }
    if (!target.type().isComplete()) {
      diagnostics.error(pos, "incomplete type '" + target.type().spell() + "' is not assignable");
      return false;
    }
    return true;
  }

  public Expr addressOf(Expr e, SourcePos pos) {
    if (e.type().isError()) return poisoned(pos);
    if (e.type() instanceof FunctionType) return new AddressOf(pos, new PointerType(e.type()), e);
    if (!isLvalue(e)) return error(pos, "cannot take the address of an rvalue of type '" + e.type().spell() + "'");
    if (isBitField(e)) return error(pos, "cannot take the address of bit-field '" + ((Member) e).name() + "'");
    // &*p and &p[i] keep the qualifiers p points to (objects do not record theirs, only their enum type)
    int qualifiers = e instanceof Deref d && d.pointer().type() instanceof PointerType p ? p.qualifiers()
        : e instanceof VarRef v ? v.symbol().enumNumber() << PointerType.ENUM_SHIFT : 0;
    return new AddressOf(pos, new PointerType(e.type(), qualifiers), e);
  }

  public Expr deref(Expr e, SourcePos pos) {
    Expr v = rvalue(e);
    if (v.type().isError()) return v;
    if (!(v.type() instanceof PointerType p)) {
      return error(pos, "indirection requires pointer operand ('" + v.type().spell() + "' invalid)");
    }
    return new Deref(pos, p.target(), v);
  }

  public Expr subscript(Expr base, Expr index, SourcePos pos) {
    Expr b = rvalue(base);
    Expr i = rvalue(index);
    if (b.type().isError() || i.type().isError()) return poisoned(pos);
    if (i.type() instanceof PointerType && b.type().isInteger()) {
      Expr tmp = b;
      b = i;
      i = tmp;
    }
    if (!(b.type() instanceof PointerType)) return error(pos, "subscripted value is not an array or pointer");
    if (!i.type().isInteger()) return error(pos, "array subscript is not an integer");
    return deref(pointerArithmetic(b, i, false, pos), pos);
  }

  public Expr member(Expr base, String name, boolean arrow, SourcePos pos) {
    Expr b = base;
    if (b.type().isError()) return poisoned(pos);
    if (arrow) {
      b = rvalue(b);
      if (!(b.type() instanceof PointerType p && p.target() instanceof StructType)) {
        return error(pos, "member reference type '" + b.type().spell() + "' is not a pointer to a struct or union");
      }
      b = new Deref(pos, p.target(), b);
    }
    if (!(b.type() instanceof StructType st) || st.isComplex()) {
      return error(pos, "member reference base type '" + b.type().spell() + "' is not a structure or union");
    }
    if (!st.isComplete()) return error(pos, "incomplete definition of type '" + st.spell() + "'");
    StructType.Found f = st.find(name);
    if (f == null) return error(pos, "no member named '" + name + "' in '" + st.spell() + "'");
    Type t = f.bits() == null ? f.type() : bitFieldValueType(f.bits());
    if (b instanceof Member m) {
      // Nested members fold into one offset from the outermost object.
      return new Member(pos, t, m.base(), name, m.offset() + f.offset(), f.bits());
    }
    return new Member(pos, t, b, name, f.offset(), f.bits());
  }

  /**
   * The type of a bit-field's value: as gcc has it, {@code int} when the field is narrower
   * than an int (an unsigned int or long long field too: int holds its every value), a 32-bit
   * long long field's is {@code int} or {@code unsigned int}, else its declared type. A _Bool, char or short field keeps its type (which promotes to int), so
   * that storing into it converts as storing into its type does.
   */
  private static Type bitFieldValueType(StructType.BitField bits) {
    IntType t = bits.declared();
    if (t == IntType.BOOL || t.size() < 4 || bits.width() > 32) return t;
    if (bits.width() < 32) return IntType.INT;
    return t.size() == 4 ? t : t.isSigned() ? IntType.INT : IntType.UINT;
  }

  private static boolean isBitField(Expr e) {
    return e instanceof Member m && m.bits() != null;
  }

  public Expr call(Expr callee, List<Expr> args, SourcePos pos) {
    if (callee.type().isError()) return poisoned(pos);
    FunctionType ft;
    Expr target;
    if (callee instanceof VarRef v && v.type() instanceof FunctionType f) {
      ft = f;
      target = callee;
    } else {
      target = rvalue(callee);
      if (target.type() instanceof PointerType p && p.target() instanceof FunctionType f) {
        ft = f;
      } else {
        return error(pos, "called object type '" + target.type().spell() + "' is not a function or function pointer");
      }
    }
    String name = callee instanceof VarRef v ? "'" + v.symbol().name() + "'" : "";
    List<Expr> converted = new ArrayList<>();
    boolean bad = false;
    if (ft.prototyped()) {
      int n = ft.params().size();
      if (args.size() < n || (args.size() > n && !ft.variadic())) {
        diagnostics.error(pos, (args.size() < n ? "too few" : "too many") + " arguments to function call "
            + name + ", expected " + (ft.variadic() ? "at least " : "") + n + ", have " + args.size());
        return poisoned(pos);
      }
      for (int i = 0; i < args.size(); i++) {
        Expr a = i < n ? assignConvert(args.get(i), ft.params().get(i), "passing") : promoteArgument(args.get(i));
        bad |= a.type().isError();
        converted.add(a);
      }
    } else {
      for (Expr a : args) {
        Expr p = promoteArgument(a);
        bad |= p.type().isError();
        converted.add(p);
      }
    }
    if (bad) return poisoned(pos);
    Type result = ft.result();
    if (result.isStruct() && !result.isComplete()) {
      return error(pos, "calling function with incomplete return type '" + result.spell() + "'");
    }
    return new Call(pos, result, target, converted, ft);
  }

  public Expr builtinCall(String name, List<Expr> args, SourcePos pos) {
    if (AtomicBuiltins.arity(name) >= 0) return atomics.call(name, args, pos);
    List<Expr> vals = new ArrayList<>();
    for (Expr a : args) vals.add(rvalue(a));
    for (Expr a : vals) if (a.type().isError()) return poisoned(pos);
    if (Builtins.isBitCount(name)) {
      if (vals.size() != 1 || !vals.get(0).type().isInteger()) return error(pos, name + " takes one integer argument");
      Type in = name.endsWith("ll") ? IntType.ULLONG : IntType.UINT;
      return new Expr.Builtin(pos, IntType.INT, name, List.of(convert(vals.get(0), in)));
    }
    return switch (name) {
      case "__builtin_expect" -> {
        if (vals.size() != 2) yield error(pos, "__builtin_expect takes 2 arguments");
        yield vals.get(0);
      }
      case "__builtin_complex" -> {
        // <complex.h>'s CMPLX: the parts as given (an infinity or NaN imaginary part stays one)
        if (vals.size() != 2) yield error(pos, "wrong number of arguments to function '__builtin_complex'");
        Type part = vals.get(0).type();
        if (!(part instanceof FloatType) || !(vals.get(1).type() instanceof FloatType)) {
          yield error(pos, "'__builtin_complex' operand not of real binary floating-point type");
        }
        if (part != vals.get(1).type()) yield error(pos, "'__builtin_complex' operands of different types");
        yield complex.pair(pos, StructType.complexOf(part), vals.get(0), vals.get(1));
      }
      case Builtins.EXIT -> {
        if (vals.size() != 1 || !vals.get(0).type().isInteger()) yield error(pos, name + " takes one int argument");
        yield new Expr.Builtin(pos, VoidType.VOID, name, List.of(convert(vals.get(0), IntType.INT)));
      }
      case Builtins.TRAP, Builtins.UNREACHABLE -> new Expr.Builtin(pos, VoidType.VOID, name, checkNoArgs(name, vals, pos));
      case Builtins.HEAP_BASE, Builtins.STACK_POINTER ->
          new Expr.Builtin(pos, new PointerType(IntType.CHAR), name, checkNoArgs(name, vals, pos));
      case Builtins.MEMORY_SIZE -> new Expr.Builtin(pos, SIZE_T, name, checkNoArgs(name, vals, pos));
      case Builtins.ALLOCA -> {
        if (vals.size() != 1 || !vals.get(0).type().isInteger()) yield error(pos, "alloca takes one integer argument");
        if (function == null) yield error(pos, "alloca outside a function");
        yield new Expr.Builtin(pos, new PointerType(VoidType.VOID), name, List.of(convert(vals.get(0), SIZE_T)));
      }
      case Builtins.SETJMP -> {
        if (vals.size() != 1 || !vals.get(0).type().isPointer()) yield error(pos, name + " takes one pointer argument");
        yield new Expr.Builtin(pos, IntType.INT, name, vals);
      }
      case Builtins.LONGJMP -> {
        if (vals.size() != 2 || !vals.get(0).type().isPointer() || !vals.get(1).type().isInteger()) {
          yield error(pos, name + " takes a pointer and an int");
        }
        yield new Expr.Builtin(pos, VoidType.VOID, name, List.of(vals.get(0), convert(vals.get(1), IntType.INT)));
      }
      case Builtins.F32_BITS, Builtins.F64_BITS, Builtins.BITS_F32, Builtins.BITS_F64 -> {
        if (vals.size() != 1 || !vals.get(0).type().isArithmetic()) yield error(pos, name + " takes one arithmetic argument");
        Type in = switch (name) {
          case Builtins.F32_BITS -> FloatType.FLOAT;
          case Builtins.F64_BITS -> FloatType.DOUBLE;
          case Builtins.BITS_F32 -> IntType.UINT;
          default -> IntType.ULLONG;
        };
        Expr arg = convert(vals.get(0), in);
        yield name.equals(Builtins.F32_BITS) || name.equals(Builtins.F64_BITS) ? SoftFloat.bits(arg)
            : SoftFloat.fromBits(arg, name.equals(Builtins.BITS_F32) ? FloatType.FLOAT : FloatType.DOUBLE);
      }
      default -> error(pos, "unknown builtin '" + name + "'");
    };
  }

  private List<Expr> checkNoArgs(String name, List<Expr> args, SourcePos pos) {
    if (!args.isEmpty()) diagnostics.error(pos, name + " takes no arguments");
    return List.of();
  }

  public Expr vaStart(Expr list, SourcePos pos) {
    if (function == null || !function.type.variadic()) {
      return error(pos, "'va_start' used in function with fixed arguments");
    }
    if (list.type().isError()) return poisoned(pos);
    if (!isLvalue(list) || !list.type().equals(VA_LIST)) return error(pos, "first argument to 'va_start' must be a va_list object");
    return new Expr.VaStart(pos, VoidType.VOID, list);
  }

  public Expr vaArg(Expr list, Type t, SourcePos pos) {
    if (list.type().isError() || t.isError()) return poisoned(pos);
    if (!isLvalue(list) || !list.type().equals(VA_LIST)) return error(pos, "first argument to 'va_arg' must be a va_list object");
    if (t == FloatType.FLOAT) {
      return error(pos, "second argument to 'va_arg' is of promotable type 'float' (a float argument is passed as a double)");
    }
    if (!t.isComplete() || t instanceof ArrayType || t instanceof FunctionType) {
      return error(pos, "second argument to 'va_arg' is of invalid type '" + t.spell() + "'");
    }
    if (t instanceof IntType it && it.rank() < IntType.INT.rank()) {
      diagnostics.warning(pos, "second argument to 'va_arg' is of promotable type '" + t.spell()
          + "'; this va_arg has undefined behavior because arguments will be promoted to 'int'");
    }
    return new Expr.VaArg(pos, t, list);
  }

  public Expr unary(String op, Expr operand, SourcePos pos) {
    Expr v = rvalue(operand);
    if (v.type().isError()) return v;
    if (v.type().isComplex()) {
      if (op.equals("+")) return isLvalue(v) ? new Cast(pos, v.type(), v) : v; // +z is no lvalue
      if (!op.equals("!")) return complex.unary(op, v, pos);
      Expr t = complex.truth(v, pos);
      return t instanceof IntConst c ? new IntConst(pos, IntType.INT, 1 - c.value()) : new Unary(pos, IntType.INT, UnaryOp.LOG_NOT, t);
    }
    if (v.type() instanceof FloatType) {
      return switch (op) {
        case "!" -> {
          Expr t = soft.truth(v, pos);
          yield t instanceof IntConst c ? new IntConst(pos, IntType.INT, 1 - c.value())
              : new Unary(pos, IntType.INT, UnaryOp.LOG_NOT, t);
        }
        case "+" -> v instanceof VarRef || v instanceof Deref || v instanceof Member ? new Cast(pos, v.type(), v) : v;
        case "-" -> soft.negate(v, pos);
        default -> error(pos, "invalid argument type '" + v.type().spell() + "' to unary expression");
      };
    }
    switch (op) {
      case "!" -> {
        if (!v.type().isScalar()) return error(pos, "invalid argument type '" + v.type().spell() + "' to unary expression");
        if (v instanceof IntConst c) return new IntConst(pos, IntType.INT, c.value() == 0 ? 1 : 0);
        return new Unary(pos, IntType.INT, UnaryOp.LOG_NOT, v);
      }
      case "+", "-", "~" -> {
        if (!v.type().isInteger()) {
          return error(pos, "invalid argument type '" + v.type().spell() + "' to unary expression");
        }
        IntType t = (IntType) Types.promote(v.type());
        Expr p = convert(v, t);
        if (op.equals("+")) return p;
        UnaryOp u = op.equals("-") ? UnaryOp.NEG : UnaryOp.BIT_NOT;
        if (p instanceof IntConst c) {
          return new IntConst(pos, t, t.wrap(u == UnaryOp.NEG ? -c.value() : ~c.value()));
        }
        return new Unary(pos, t, u, p);
      }
      default -> throw new IllegalArgumentException(op);
    }
  }

  /** GNU {@code __real__ e} and {@code __imag__ e}: an lvalue when e is one. */
  public Expr complexPart(Expr operand, boolean imaginary, SourcePos pos) {
    Expr v = rvalue(operand);
    if (v.type().isError()) return v;
    if (!v.type().isArithmetic() && !v.type().isComplex()) {
      return error(pos, "invalid argument type '" + v.type().spell() + "' to " + (imaginary ? "__imag__" : "__real__"));
    }
    return complex.part(v, imaginary, pos);
  }

  public Expr incDec(Expr target, boolean increment, boolean prefix, SourcePos pos) {
    if (target.type().isError()) return target;
    if (!checkModifiable(target, pos)) return poisoned(pos);
    Type t = target.type();
    if (t instanceof FloatType || t.isComplex()) {
      // GNU: a complex value steps its real part
      Type part = t.isComplex() ? ((StructType) t).complexPart() : t;
      Expr one = part instanceof IntType ? new IntConst(pos, part, 1) : SoftFloat.constant(pos, part,
          part == FloatType.FLOAT ? Float.floatToRawIntBits(1f) : Double.doubleToRawLongBits(1.0));
      BinaryOp op = increment ? BinaryOp.ADD : BinaryOp.SUB;
      java.util.function.Function<Expr, Expr> step = x -> t.isComplex() ? complex.binary(op, x, one, pos)
          : soft.arithmetic(op, x, one, t, pos);
      if (prefix) return readModifyWrite(target, step, pos);
      // x++ is (old = x, x = old + 1, old), the target's address taken once.
      Symbol old = temporary(t, pos);
      Expr oldRef = new VarRef(pos, t, old);
      return readModifyWrite(target, x -> new Comma(pos, t, new Assign(pos, t, oldRef, x), step.apply(oldRef)),
          pos, oldRef);
    }
    if (t instanceof PointerType p && Types.isVariablyModified(p.target())) {
      // the step is the run-time size of the target: plain pointer arithmetic
      Expr one = new IntConst(pos, IntType.INT, 1);
      if (prefix) return readModifyWrite(target, old -> pointerArithmetic(old, one, !increment, pos), pos);
      Symbol old = temporary(t, pos);
      Expr oldRef = new VarRef(pos, t, old);
      return readModifyWrite(target, x -> new Comma(pos, t, new Assign(pos, t, oldRef, x),
          pointerArithmetic(oldRef, one, !increment, pos)), pos, oldRef);
    }
    if (t instanceof PointerType p) {
      if (!p.target().isComplete() && !p.target().isVoid()) {
        return error(pos, "arithmetic on a pointer to an incomplete type '" + p.target().spell() + "'");
      }
    } else if (!t.isInteger()) {
      return error(pos, "cannot " + (increment ? "increment" : "decrement") + " value of type '" + t.spell() + "'");
    }
    return new IncDec(pos, t, target, increment, prefix);
  }

  private static BinaryOp binaryOp(String op) {
    for (BinaryOp b : BinaryOp.values()) if (b.spelling().equals(op)) return b;
    throw new IllegalArgumentException(op);
  }

  public Expr binary(String opText, Expr left, Expr right, SourcePos pos) {
    BinaryOp op = binaryOp(opText);
    Expr l = rvalue(left);
    Expr r = rvalue(right);
    if (l.type().isError() || r.type().isError()) return poisoned(pos);
    if ((op == BinaryOp.LOG_AND || op == BinaryOp.LOG_OR)) {
      if (l.type() instanceof FloatType) l = soft.truth(l, l.pos());
      if (r.type() instanceof FloatType) r = soft.truth(r, r.pos());
      if (l.type().isComplex()) l = complex.truth(l, l.pos());
      if (r.type().isComplex()) r = complex.truth(r, r.pos());
    } else if (l.type().isComplex() || r.type().isComplex()) {
      Expr e = complex.binary(op, l, r, pos);
      return e != null ? e : invalidOperands(op, l, r, pos);
    }
    Type lt = l.type(), rt = r.type();
    switch (op) {
      case LOG_AND, LOG_OR -> {
        if (!lt.isScalar() || !rt.isScalar()) return invalidOperands(op, l, r, pos);
        if (l instanceof IntConst c) {
          boolean lv = c.value() != 0;
          if (op == BinaryOp.LOG_AND && !lv) return new IntConst(pos, IntType.INT, 0);
          if (op == BinaryOp.LOG_OR && lv) return new IntConst(pos, IntType.INT, 1);
          if (r instanceof IntConst d) return new IntConst(pos, IntType.INT, d.value() != 0 ? 1 : 0);
        }
        return new Binary(pos, IntType.INT, op, l, r);
      }
      case ADD -> {
        if (lt.isPointer() && rt.isInteger()) return pointerArithmetic(l, r, false, pos);
        if (lt.isInteger() && rt.isPointer()) return pointerArithmetic(r, l, false, pos);
        return arithmetic(op, l, r, pos);
      }
      case SUB -> {
        if (lt.isPointer() && rt.isInteger()) return pointerArithmetic(l, r, true, pos);
        if (lt instanceof PointerType lp && rt instanceof PointerType rp) {
          if (!Types.compatible(lp.target(), rp.target())) {
            return error(pos, "'" + lt.spell() + "' and '" + rt.spell() + "' are not pointers to compatible types");
          }
          if (Types.isVariablyModified(lp.target())) {
            // a difference in bytes divided by the run-time size of an element
            PointerType bytes = new PointerType(IntType.CHAR);
            Expr diff = new PointerDiff(pos, PTRDIFF_T, convert(l, bytes), convert(r, bytes), 1);
            return new Binary(pos, PTRDIFF_T, BinaryOp.DIV, diff, convert(runtimeSize(lp.target(), pos), PTRDIFF_T));
          }
          int size = lp.target().isVoid() ? 1 : lp.target().size();
          if (size <= 0) return error(pos, "arithmetic on a pointer to an incomplete type '" + lp.target().spell() + "'");
          return new PointerDiff(pos, PTRDIFF_T, l, r, size);
        }
        return arithmetic(op, l, r, pos);
      }
      case MUL, DIV, AND, OR, XOR, MOD -> {
        return arithmetic(op, l, r, pos);
      }
      case SHL, SHR -> {
        if (!lt.isInteger() || !rt.isInteger()) return invalidOperands(op, l, r, pos);
        IntType t = (IntType) Types.promote(lt);
        Expr pl = convert(l, t);
        Expr pr = convert(r, Types.promote(rt));
        if (pl instanceof IntConst a && pr instanceof IntConst b) {
          long count = b.value();
          if (count >= 0 && count < t.size() * 8L) {
            long v = op == BinaryOp.SHL ? a.value() << count
                : t.isSigned() ? a.value() >> count : a.value() >>> count;
            return new IntConst(pos, t, t.wrap(v));
          }
        }
        if (pr instanceof IntConst b && (b.value() < 0 || b.value() >= t.size() * 8L)) {
          diagnostics.warning(pos, "shift count is " + (b.value() < 0 ? "negative" : ">= width of type"));
        }
        return new Binary(pos, t, op, pl, pr);
      }
      default -> {
        return comparison(op, l, r, pos);
      }
    }
  }

  private Expr invalidOperands(BinaryOp op, Expr l, Expr r, SourcePos pos) {
    return error(pos, "invalid operands to binary expression ('" + l.type().spell() + "' and '"
        + r.type().spell() + "')");
  }

  private Expr arithmetic(BinaryOp op, Expr l, Expr r, SourcePos pos) {
    boolean integerOnly = op == BinaryOp.MOD || op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.XOR;
    if (integerOnly ? !(l.type().isInteger() && r.type().isInteger())
        : !(l.type().isArithmetic() && r.type().isArithmetic())) {
      return invalidOperands(op, l, r, pos);
    }
    if (Types.usualArithmetic(l.type(), r.type()) instanceof FloatType ft) {
      return soft.arithmetic(op, convert(l, ft), convert(r, ft), ft, pos);
    }
    IntType t = (IntType) Types.usualArithmetic(l.type(), r.type());
    Expr a = convert(l, t);
    Expr b = convert(r, t);
    if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && b instanceof IntConst z && z.value() == 0) {
      diagnostics.warning(pos, (op == BinaryOp.DIV ? "division" : "remainder") + " by zero is undefined");
      return new Binary(pos, t, op, a, b);
    }
    if (a instanceof IntConst x && b instanceof IntConst y) {
      Long v = fold(op, t, x.value(), y.value());
      if (v != null) return new IntConst(pos, t, t.wrap(v));
    }
    return new Binary(pos, t, op, a, b);
  }

  private static Long fold(BinaryOp op, IntType t, long x, long y) {
    boolean u = !t.isSigned();
    if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && !u && t.isWide() && x == Long.MIN_VALUE && y == -1) {
      return null; // overflows: left to run time, where it traps as on x86
    }
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> u ? Long.divideUnsigned(x, y) : x / y;
      case MOD -> u ? Long.remainderUnsigned(x, y) : x % y;
      case AND -> x & y;
      case OR -> x | y;
      case XOR -> x ^ y;
      default -> null;
    };
  }

  private Expr pointerArithmetic(Expr pointer, Expr index, boolean subtract, SourcePos pos) {
    PointerType p = (PointerType) pointer.type();
    if (p.target() instanceof FunctionType) return error(pos, "arithmetic on a pointer to a function type");
    if (Types.isVariablyModified(p.target())) {
      // scaled here by the run-time size of the target, on a char pointer
      PointerType bytes = new PointerType(IntType.CHAR);
      Expr scaled = new Binary(pos, IntType.LONG, BinaryOp.MUL, convert(index, IntType.LONG),
          convert(runtimeSize(p.target(), pos), IntType.LONG));
      return convert(new PointerAdd(pos, bytes, convert(pointer, bytes), scaled, subtract), p);
    }
    if (!p.target().isComplete() && !p.target().isVoid()) {
      return error(pos, "arithmetic on a pointer to an incomplete type '" + p.target().spell() + "'");
    }
    Expr i = convert(index, Types.promote(index.type()));
    return new PointerAdd(pos, p, pointer, i, subtract);
  }

  private Expr comparison(BinaryOp op, Expr l, Expr r, SourcePos pos) {
    Type lt = l.type(), rt = r.type();
    boolean equality = op == BinaryOp.EQ || op == BinaryOp.NE;
    if (lt.isArithmetic() && rt.isArithmetic() && Types.usualArithmetic(lt, rt) instanceof FloatType ft) {
      return soft.compare(op, convert(l, ft), convert(r, ft), ft, pos);
    }
    if (lt.isArithmetic() && rt.isArithmetic()) {
      IntType t = (IntType) Types.usualArithmetic(lt, rt);
      Expr a = convert(l, t);
      Expr b = convert(r, t);
      if (a instanceof IntConst x && b instanceof IntConst y) {
        int c = t.isSigned() ? Long.compare(x.value(), y.value()) : Long.compareUnsigned(x.value(), y.value());
        boolean v = switch (op) {
          case EQ -> c == 0;
          case NE -> c != 0;
          case LT -> c < 0;
          case GT -> c > 0;
          case LE -> c <= 0;
          default -> c >= 0;
        };
        return new IntConst(pos, IntType.INT, v ? 1 : 0);
      }
      return new Binary(pos, IntType.INT, op, a, b);
    }
    if (lt instanceof PointerType lp && rt instanceof PointerType rp) {
      if (!Types.compatible(lp.target(), rp.target())
          && !(equality && (lp.target().isVoid() || rp.target().isVoid()))) {
        diagnostics.warning(pos, "comparison of distinct pointer types ('" + lt.spell() + "' and '" + rt.spell() + "')");
      }
      return new Binary(pos, IntType.INT, op, l, convert(r, lt));
    }
    if (lt instanceof PointerType && rt.isInteger()) {
      if (!isNullPointerConstant(r)) diagnostics.warning(pos, "comparison between pointer and integer");
      return new Binary(pos, IntType.INT, op, l, convert(r, lt));
    }
    if (lt.isInteger() && rt instanceof PointerType) {
      if (!isNullPointerConstant(l)) diagnostics.warning(pos, "comparison between pointer and integer");
      return new Binary(pos, IntType.INT, op, convert(l, rt), r);
    }
    return invalidOperands(op, l, r, pos);
  }

  public Expr assign(Expr target, Expr value, SourcePos pos) {
    if (target.type().isError()) return target;
    if (!checkModifiable(target, pos)) return poisoned(pos);
    Expr v = assignConvert(value, target.type(), "assigning to");
    if (v.type().isError()) return v;
    return new Assign(pos, target.type(), target, v);
  }

  public Expr compoundAssign(String opText, Expr target, Expr value, SourcePos pos) {
    BinaryOp op = binaryOp(opText.substring(0, opText.length() - 1));
    if (target.type().isError()) return target;
    if (!checkModifiable(target, pos)) return poisoned(pos);
    Expr v = rvalue(value);
    if (v.type().isError()) return v;
    Type t = target.type();
    if (t.isComplex() || v.type().isComplex()) {
      boolean allowed = op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV;
      if (!allowed || ComplexArithmetic.common(t, v.type()) == null) return invalidOperands(op, target, v, pos);
      return readModifyWrite(target, old -> complex.binary(op, old, v, pos), pos);
    }
    if (t instanceof FloatType || v.type() instanceof FloatType) {
      boolean allowed = op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV;
      if (!allowed || !t.isArithmetic() || !v.type().isArithmetic()) return invalidOperands(op, target, v, pos);
      Type ct = Types.usualArithmetic(t, v.type());
      Expr operand = convert(v, ct);
      return readModifyWrite(target, old -> soft.arithmetic(op, convert(old, ct), operand, ct, pos), pos);
    }
    if (t instanceof PointerType p && (op == BinaryOp.ADD || op == BinaryOp.SUB)) {
      if (!v.type().isInteger()) return invalidOperands(op, target, v, pos);
      if (Types.isVariablyModified(p.target())) {
        return readModifyWrite(target, old -> pointerArithmetic(old, v, op == BinaryOp.SUB, pos), pos);
      }
      if (!p.target().isComplete() && !p.target().isVoid()) {
        return error(pos, "arithmetic on a pointer to an incomplete type '" + p.target().spell() + "'");
      }
      return new CompoundAssign(pos, t, op, target, convert(v, Types.promote(v.type())), t);
    }
    if (!t.isInteger() || !v.type().isInteger()) return invalidOperands(op, target, v, pos);
    if (op == BinaryOp.SHL || op == BinaryOp.SHR) {
      Type ct = Types.promote(t);
      return new CompoundAssign(pos, t, op, target, convert(v, Types.promote(v.type())), ct);
    }
    Type ct = Types.usualArithmetic(t, v.type());
    return new CompoundAssign(pos, t, op, target, convert(v, ct), ct);
  }

  /**
   * {@code target = compute(target)}, evaluating the target's address once: a variable is
   * used directly, any other lvalue through a temporary pointer. The value is the stored one,
   * or {@code result} when given (a postfix operator's old value).
   */
  private Expr readModifyWrite(Expr target, java.util.function.Function<Expr, Expr> compute, SourcePos pos,
      Expr... result) {
    Type t = target.type();
    Expr prefix = null;
    Expr lvalue = target;
    if (target instanceof Member m && m.bits() != null) {
      // A bit-field has no address: the temporary points at the object that holds it.
      PointerType pt = new PointerType(m.base().type());
      Expr p = new VarRef(pos, pt, temporary(pt, pos));
      prefix = new Assign(pos, pt, p, new AddressOf(pos, pt, m.base()));
      lvalue = new Member(m.pos(), t, new Deref(pos, m.base().type(), p), m.name(), m.offset(), m.bits());
    } else if (!(target instanceof VarRef)) {
      PointerType pt = new PointerType(t);
      Expr p = new VarRef(pos, pt, temporary(pt, pos));
      prefix = new Assign(pos, pt, p, new AddressOf(pos, pt, target));
      lvalue = new Deref(pos, t, p);
    }
    Expr computed = compute.apply(lvalue);
    Expr store = new Assign(pos, t, lvalue, convert(computed, t));
    if (result.length > 0) store = new Comma(pos, t, store, result[0]);
    return prefix == null ? store : new Comma(pos, t, prefix, store);
  }

  public Expr conditional(Expr cond, Expr then, Expr otherwise, SourcePos pos) {
    Expr c = condition(cond);
    Expr a = rvalue(then);
    Expr b = rvalue(otherwise);
    if (c.type().isError() || a.type().isError() || b.type().isError()) return poisoned(pos);
    Type at = a.type(), bt = b.type();
    Type t;
    if (at.isArithmetic() && bt.isArithmetic()) {
      t = Types.usualArithmetic(at, bt);
    } else if ((at.isComplex() || bt.isComplex()) && ComplexArithmetic.common(at, bt) != null) {
      t = ComplexArithmetic.common(at, bt);
    } else if (at.isVoid() && bt.isVoid()) {
      t = VoidType.VOID;
    } else if (at.isStruct() && at == bt) {
      t = at;
    } else if (at instanceof PointerType && isNullPointerConstant(b)) {
      t = at;
    } else if (bt instanceof PointerType && isNullPointerConstant(a)) {
      t = bt;
    } else if (at instanceof PointerType ap && bt instanceof PointerType bp) {
      if (ap.target().isVoid()) {
        t = at;
      } else if (bp.target().isVoid()) {
        t = bt;
      } else {
        if (!Types.compatible(ap.target(), bp.target())) {
          diagnostics.warning(pos, "pointer type mismatch ('" + at.spell() + "' and '" + bt.spell() + "')");
        }
        t = at;
      }
    } else if ((at.isVoid() || bt.isVoid())) {
      t = VoidType.VOID;
    } else {
      return error(pos, "incompatible operand types ('" + at.spell() + "' and '" + bt.spell() + "')");
    }
    Expr ca = t.isVoid() ? a : convert(a, t);
    Expr cb = t.isVoid() ? b : convert(b, t);
    if (c instanceof IntConst k && ca instanceof IntConst && cb instanceof IntConst) {
      return k.value() != 0 ? ca : cb;
    }
    return new Conditional(pos, t, c, ca, cb);
  }

  /**
   * One association of a {@code _Generic} selection; {@code type} is null for {@code default};
   * {@code qualifiers} are those at the top of the type name (const 1, volatile 2, restrict 4)
   * and the enum type it names ({@link PointerType#ENUM_SHIFT}).
   */
  public record Association(SourcePos pos, Type type, int qualifiers, Expr expr) {}

  /**
   * C11 6.5.1.1: the association whose type is compatible with the controlling expression's
   * type after lvalue conversion (unqualified: a qualified association never matches; arrays
   * and functions become pointers), else the default one. The controlling expression is not
   * evaluated, and the result is the chosen expression itself (an lvalue stays one). A
   * bit-field narrower than its declared type has, as in gcc, a type of its own that only
   * {@code default} matches. {@code controlEnum} is the number of the enum type the controlling
   * expression has (0: none): two different enum types are not compatible.
   */
  public Expr genericSelection(Expr control, int controlEnum, SourcePos controlPos, List<Association> associations, SourcePos pos) {
    Association fallback = null;
    boolean failed = control.type().isError();
    for (int i = 0; i < associations.size(); i++) {
      Association a = associations.get(i);
      failed |= a.expr().type().isError();
      if (a.type() == null) {
        if (fallback != null) {
          diagnostics.error(a.pos(), "duplicate 'default' case in '_Generic'");
          failed = true;
        }
        fallback = a;
        continue;
      }
      String problem = a.type().isError() ? "" : a.type() instanceof FunctionType ? "function type"
          : Types.isVariablyModified(a.type()) ? "variable length type" : !a.type().isComplete() ? "incomplete type" : null;
      if (problem != null) {
        if (!problem.isEmpty()) diagnostics.error(a.pos(), "'_Generic' association has " + problem);
        failed = true;
        continue;
      }
      for (Association b : associations.subList(0, i)) {
        if (b.type() != null && PointerType.sameWritten(b.qualifiers(), a.qualifiers()) && Types.compatibleQualified(a.type(), b.type())) {
          diagnostics.error(a.pos(), "'_Generic' specifies two compatible types");
          failed = true;
          break;
        }
      }
    }
    if (failed) return poisoned(pos);
    Type t = control.type() instanceof ArrayType array ? new PointerType(array.element())
        : control.type() instanceof FunctionType ? new PointerType(control.type())
        : control.type() instanceof StructType s ? s.unqualified() : control.type(); // _Atomic dropped
    StructType.BitField bits = isBitField(control) ? ((Member) control).bits() : null;
    boolean narrowBitField = bits != null && bits.declared() != IntType.BOOL && bits.width() < 8 * bits.declared().size();
    if (bits != null && !narrowBitField) t = bits.declared();
    // a type that is no enum's can match several enum types with its type underneath: gcc's error
    Association match = null;
    for (Association a : associations) {
      if (a.type() != null && PointerType.sameWritten(controlEnum << PointerType.ENUM_SHIFT, a.qualifiers()) && !narrowBitField
          && Types.compatibleQualified(t, a.type())) {
        if (match != null) diagnostics.error(a.pos(), "'_Generic' selector matches multiple associations");
        match = match == null ? a : match;
      }
    }
    if (match != null) return match.expr();
    if (fallback != null) return fallback.expr();
    String spelling = narrowBitField ? bits.declared().spell() + ":" + bits.width() : t.spell();
    return error(controlPos, "'_Generic' selector of type '" + spelling + "' is not compatible with any association");
  }

  /** GNU {@code ({ ...; v; })}: the last expression statement's value goes through a temporary. */
  public Expr statementExpression(Stmt.Block body, boolean failed, SourcePos pos) {
    if (failed) return poisoned(pos);
    List<Stmt> items = new ArrayList<>(body.statements());
    // the release of the block's variable-length arrays comes after the value is taken
    int end = items.size() - (!items.isEmpty() && releases.contains(items.get(items.size() - 1)) ? 1 : 0);
    // the last statement may be labeled: its expression still gives the value, as in gcc
    Stmt lastItem = end > 0 ? items.get(end - 1) : null;
    while (lastItem instanceof Stmt.Labeled || lastItem instanceof Stmt.Case) {
      lastItem = lastItem instanceof Stmt.Labeled l ? l.body() : ((Stmt.Case) lastItem).body();
    }
    if (lastItem instanceof Stmt.ExprStmt last) {
      Expr v = rvalue(last.expr());
      if (v.type().isError()) return poisoned(pos);
      if (!v.type().isVoid()) {
        Symbol tmp = temporary(v.type(), pos);
        Stmt store = new Stmt.ExprStmt(last.pos(), new Assign(last.pos(), v.type(), new VarRef(pos, v.type(), tmp), v));
        items.set(end - 1, replace(items.get(end - 1), Map.of(last, store)));
        return new Expr.StmtExpr(pos, v.type(), new Stmt.Block(body.pos(), items), new VarRef(pos, v.type(), tmp));
      }
    }
    return new Expr.StmtExpr(pos, VoidType.VOID, body, null);
  }

  /** GNU {@code x ?: y}: {@code x ? x : y} with x evaluated once (through a temporary). */
  public Expr elvis(Expr cond, Expr otherwise, SourcePos pos) {
    Expr x = rvalue(cond);
    if (x.type().isError()) return poisoned(pos);
    if (x instanceof IntConst || function == null) return conditional(x, x, otherwise, pos);
    if (!x.type().isScalar()) return conditional(x, x, otherwise, pos); // reports the error
    Symbol tmp = temporary(x.type(), pos);
    Expr test = conditional(new VarRef(pos, x.type(), tmp), new VarRef(pos, x.type(), tmp), otherwise, pos);
    if (test.type().isError()) return test;
    return new Comma(pos, test.type(), new Assign(pos, x.type(), new VarRef(pos, x.type(), tmp), x), test);
  }

  public Expr comma(Expr left, Expr right, SourcePos pos) {
    Expr r = rvalue(right);
    if (left.type().isError() || r.type().isError()) return poisoned(pos);
    return new Comma(pos, r.type(), rvalue(left), r);
  }

  /** The value of an integer constant expression, or null if {@code e} is not one. */
  public Long constantValue(Expr e) {
    if (e instanceof IntConst c && c.type() instanceof IntType) return c.value();
    return null;
  }

  /** Evaluates an integer constant expression where one is required; reports and returns null otherwise. */
  public Long requireConstant(Expr e, String what) {
    if (e.type().isError()) return null;
    Long v = constantValue(rvalue(e));
    if (v == null) {
      diagnostics.error(e.pos(), what + " is not an integer constant expression");
    }
    return v;
  }

  // =====================================================================================
  // Variable-length arrays
  // =====================================================================================
  //
  // An array object of variable length lives below the function's frame: where its declaration
  // stands, the lengths are evaluated into hidden locals and the stack pointer goes down by the
  // size; a hidden pointer keeps the address, and the name denotes *pointer. Leaving the scope
  // (the end of the block, break, continue, goto) sets the stack pointer back to where it was
  // before the first array released (the address of the last one kept, or the stack pointer
  // at entry), so that a loop declaring an array does not grow the stack; return restores the
  // frame's stack pointer anyway.

  /** The statements that released the arrays of a block at its end (a statement expression's value comes first). */
  private final Set<Stmt> releases = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** The variable-length array objects in scope, outermost first. */
  private static List<Symbol> vlaChain(Scope s) {
    List<Symbol> chain = new ArrayList<>();
    for (Scope cur = s; cur != null; cur = cur.parent) chain.addAll(0, cur.vlas);
    return chain;
  }

  /** Sets the stack pointer back to where it stands with only {@code chain}'s arrays allocated. */
  private Stmt releaseTo(List<Symbol> chain, SourcePos pos) {
    Symbol keep = chain.isEmpty() ? function.vlaBase : vlaStorage.get(chain.get(chain.size() - 1));
    Expr sp = convert(new VarRef(pos, keep.type(), keep), new PointerType(IntType.CHAR));
    return new Stmt.ExprStmt(pos, new Expr.Builtin(pos, VoidType.VOID, Builtins.SET_STACK_POINTER, List.of(sp)));
  }

  /**
   * Whether evaluating {@code e} can have no effect: no assignment, call, increment or other
   * operation with one, and no division (which may trap).
   */
  private static boolean isEffectFree(Expr e) {
    if (e instanceof IntConst || e instanceof VarRef) return true;
    if (e instanceof Unary u) return isEffectFree(u.operand());
    if (e instanceof Binary b) {
      return b.op() != BinaryOp.DIV && b.op() != BinaryOp.MOD && isEffectFree(b.left()) && isEffectFree(b.right());
    }
    if (e instanceof Cast c) return isEffectFree(c.operand());
    if (e instanceof Conditional c) return isEffectFree(c.condition()) && isEffectFree(c.then()) && isEffectFree(c.otherwise());
    if (e instanceof Comma c) return isEffectFree(c.left()) && isEffectFree(c.right());
    if (e instanceof Decay d) return isEffectFree(d.operand());
    if (e instanceof Member m) return isEffectFree(m.base());
    return false;
  }

  /** Collects the variable lengths of {@code t} (not those of a function type's parameters). */
  private static void variableLengths(Type t, Set<VariableLength> out) {
    if (t instanceof ArrayType a) {
      if (a.variable() != null) out.add(a.variable());
      variableLengths(a.element(), out);
    } else if (t instanceof PointerType p) {
      variableLengths(p.target(), out);
    } else if (t instanceof FunctionType f) {
      variableLengths(f.result(), out);
    }
  }

  /** Evaluates the pending lengths among {@code used} into their hidden locals; forgets the others. */
  private void evaluateLengths(Set<VariableLength> used, List<Stmt> out) {
    for (PendingLength p : pendingLengths) {
      if (!used.contains(p.length())) continue;
      Symbol count = temporary(SIZE_T, p.count().pos());
      lengthCounts.put(p.length(), count);
      out.add(new Stmt.ExprStmt(p.count().pos(), new Assign(p.count().pos(), SIZE_T,
          new VarRef(p.count().pos(), SIZE_T, count), p.count())));
    }
    pendingLengths.clear();
  }

  /** {@code e} after the evaluation of the lengths that the type name {@code t} has just written. */
  private Expr withLengths(Type t, java.util.function.Supplier<Expr> value) {
    if (pendingLengths.isEmpty()) return value.get();
    if (function == null) {
      pendingLengths.clear();
      return error(value.get().pos(), "variable length array outside a function");
    }
    Set<VariableLength> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    variableLengths(t, used);
    List<Stmt> assignments = new ArrayList<>();
    evaluateLengths(used, assignments);
    Expr e = value.get();
    for (int i = assignments.size() - 1; i >= 0; i--) {
      e = new Comma(e.pos(), e.type(), ((Stmt.ExprStmt) assignments.get(i)).expr(), e);
    }
    return e;
  }

  /** The size of a type in bytes, computed at run time for a variably modified array. */
  private Expr runtimeSize(Type t, SourcePos pos) {
    if (!(t instanceof ArrayType a) || !Types.isVariablyModified(t)) return new IntConst(pos, SIZE_T, Math.max(t.size(), 0));
    Expr element = runtimeSize(a.element(), pos);
    if (a.variable() == null) return new Binary(pos, SIZE_T, BinaryOp.MUL, new IntConst(pos, SIZE_T, a.length()), element);
    Symbol count = lengthCounts.get(a.variable());
    if (count == null) return error(pos, "the length of '" + t.spell() + "' is not known here");
    return new Binary(pos, SIZE_T, BinaryOp.MUL, new VarRef(pos, SIZE_T, count), element);
  }

  /**
   * After a block-scope declaration (or typedef) of {@code s} with declarator type {@code t}:
   * evaluates the lengths it wrote, then allocates a variable-length array object.
   */
  public void declarationLengths(Symbol s, Type t, List<Stmt> out) {
    if (atFileScope() || function == null) {
      pendingLengths.clear();
      return;
    }
    Set<VariableLength> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    variableLengths(t, used);
    evaluateLengths(used, out);
    Symbol storage = s == null ? null : vlaStorage.get(s);
    if (storage == null) return;
    SourcePos pos = s.pos();
    if (function.vlaBase == null) {
      function.vlaBase = temporary(new PointerType(IntType.CHAR), pos);
      function.prelude.add(0, new Stmt.ExprStmt(pos, new Assign(pos, function.vlaBase.type(),
          new VarRef(pos, function.vlaBase.type(), function.vlaBase),
          new Expr.Builtin(pos, function.vlaBase.type(), Builtins.STACK_POINTER, List.of()))));
    }
    Expr alloc = new Expr.Builtin(pos, new PointerType(IntType.CHAR), Builtins.VLA_ALLOC, List.of(runtimeSize(s.type(), pos)));
    out.add(new Stmt.ExprStmt(pos, new Assign(pos, storage.type(), new VarRef(pos, storage.type(), storage),
        convert(alloc, storage.type()))));
    scope.vlas.add(s);
  }

  /** At the end of a block: the statement releasing its variable-length arrays, or null. */
  public Stmt blockEnd(SourcePos pos) {
    if (scope.vlas.isEmpty()) return null;
    Stmt release = releaseTo(vlaChain(scope.parent), pos);
    releases.add(release);
    return release;
  }

  /**
   * The prelude (lengths of parameters, the stack pointer at entry) before the body, and the
   * checks of the gotos: none may jump into the scope of a variable-length array, and one
   * leaving such scopes releases their arrays first.
   */
  private Stmt.Block finishVlas(Stmt.Block body) {
    if (function.vlaBase == null) {
      if (function.prelude.isEmpty()) return body;
      List<Stmt> items = new ArrayList<>(function.prelude);
      items.addAll(body.statements());
      return new Stmt.Block(body.pos(), items);
    }
    Map<Stmt, Stmt> replaced = new IdentityHashMap<>();
    for (Stmt.Goto g : function.gotos) {
      List<Symbol> at = function.gotoVlas.get(g);
      List<Symbol> target = function.labelVlas.get(g.label());
      if (at == null || target == null) continue;
      int common = 0;
      while (common < at.size() && common < target.size() && at.get(common) == target.get(common)) common++;
      if (common < target.size()) {
        Symbol v = target.get(common);
        diagnostics.error(g.pos(), "jump into scope of identifier with variably modified type (label '" + written(g.label())
            + "' is in the scope of '" + v.name() + "' declared at " + v.pos().line() + ":" + v.pos().column() + ")");
      } else if (at.size() > target.size()) {
        replaced.put(g, new Stmt.Block(g.pos(), List.of(releaseTo(target, g.pos()), g)));
      }
    }
    List<Stmt> items = new ArrayList<>(function.prelude);
    items.addAll(body.statements());
    return (Stmt.Block) replace(new Stmt.Block(body.pos(), items), replaced);
  }

  /** {@code s} with the statements in {@code replaced} replaced (the others rebuilt around them). */
  private static Stmt replace(Stmt s, Map<Stmt, Stmt> replaced) {
    if (s == null || replaced.isEmpty()) return s;
    Stmt r = replaced.get(s);
    if (r != null) return r;
    if (s instanceof Stmt.Block b) {
      List<Stmt> items = new ArrayList<>();
      for (Stmt item : b.statements()) items.add(replace(item, replaced));
      return new Stmt.Block(b.pos(), items);
    }
    if (s instanceof Stmt.Labeled l) return new Stmt.Labeled(l.pos(), l.label(), replace(l.body(), replaced));
    if (s instanceof Stmt.If i) return new Stmt.If(i.pos(), i.condition(), replace(i.then(), replaced), replace(i.otherwise(), replaced));
    if (s instanceof Stmt.While w) return new Stmt.While(w.pos(), w.condition(), replace(w.body(), replaced));
    if (s instanceof Stmt.DoWhile d) return new Stmt.DoWhile(d.pos(), replace(d.body(), replaced), d.condition());
    if (s instanceof Stmt.For f) {
      return new Stmt.For(f.pos(), replace(f.init(), replaced), f.condition(), f.step(), replace(f.body(), replaced));
    }
    if (s instanceof Stmt.Switch w) return new Stmt.Switch(w.pos(), w.value(), replace(w.body(), replaced));
    if (s instanceof Stmt.Case c) return new Stmt.Case(c.pos(), c.value(), c.isDefault(), replace(c.body(), replaced));
    return s;
  }

  // =====================================================================================
  // Declaration helpers for the parser
  // =====================================================================================

  /**
   * Declares a parameter in its prototype scope (the parser's scope for the parameter list),
   * so that the array lengths of the parameters after it can name it.
   */
  public Symbol prototypeParameter(String name, SourcePos pos, Type type) {
    Symbol s = new Symbol(name, Symbol.Kind.OBJECT, type, Symbol.Storage.PARAM, pos);
    s.setFromLibrary(library);
    scope.names.put(name, s);
    return s;
  }

  /** Builds the type of an array declarator, checking the element type and the length. */
  public Type arrayOf(Type element, Expr length, SourcePos pos) {
    return arrayOf(element, length, false, pos);
  }

  /**
   * {@code star}: {@code [*]}, a variable length left unspecified (prototypes). A length that
   * is not a constant makes a variable-length array: the expression is kept until the
   * declaration (or type name) is complete, and evaluated where it stands.
   */
  public Type arrayOf(Type element, Expr length, boolean star, SourcePos pos) {
    if (element.isError()) return element;
    if (element instanceof FunctionType) {
      diagnostics.error(pos, "array of functions is not allowed");
      return ErrorType.ERROR;
    }
    if (star) return new ArrayType(element, -1, new VariableLength("*"));
    if (!element.isComplete() && !Types.isVariablyModified(element)) {
      diagnostics.error(pos, "array has incomplete element type '" + element.spell() + "'");
      return ErrorType.ERROR;
    }
    if (length == null) return new ArrayType(element, -1);
    if (length.type().isError()) return ErrorType.ERROR;
    Long n = constantValue(rvalue(length));
    if (n == null || Types.isVariablyModified(element)) {
      Expr count = rvalue(length);
      if (!count.type().isInteger()) {
        diagnostics.error(length.pos(), "size of array has non-integer type '" + count.type().spell() + "'");
        return ErrorType.ERROR;
      }
      if (n != null && count.type() instanceof IntType ct && ct.isSigned() && n < 0) {
        diagnostics.error(length.pos(), "array size is negative");
        return ErrorType.ERROR;
      }
      if (n != null) return new ArrayType(element, (int) (long) n, null); // sized at run time by its element
      VariableLength v = new VariableLength(length instanceof VarRef r ? r.symbol().name() : "...");
      pendingLengths.add(new PendingLength(v, convert(count, SIZE_T)));
      return new ArrayType(element, -1, v);
    }
    IntType lt = (IntType) length.type();
    if (lt.isSigned() && n < 0) {
      diagnostics.error(length.pos(), "array size is negative");
      return ErrorType.ERROR;
    }
    if (n * element.size() > Integer.MAX_VALUE) {
      diagnostics.error(length.pos(), "array is too large");
      return ErrorType.ERROR;
    }
    return new ArrayType(element, (int) (long) n);
  }

  public Type functionReturning(Type result, List<Type> params, boolean variadic, boolean prototyped, SourcePos pos) {
    if (result instanceof ArrayType) {
      diagnostics.error(pos, "function cannot return array type '" + result.spell() + "'");
      return ErrorType.ERROR;
    }
    if (result instanceof FunctionType) {
      diagnostics.error(pos, "function cannot return function type '" + result.spell() + "'");
      return ErrorType.ERROR;
    }
    return new FunctionType(result, params, variadic, prototyped);
  }

  public void staticAssert(Expr cond, String message, SourcePos pos) {
    Long v = requireConstant(cond, "static assertion expression");
    if (v != null && v == 0) {
      diagnostics.error(pos, "static assertion failed" + (message == null ? "" : ": " + message));
    }
  }
}
