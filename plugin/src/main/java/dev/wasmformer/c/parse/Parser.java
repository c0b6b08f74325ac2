package dev.wasmformer.c.parse;

import dev.wasmformer.c.CompileError;
import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Stmt;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.ast.TranslationUnit;
import dev.wasmformer.c.lex.Literals;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.lex.Token;
import dev.wasmformer.c.lex.TokenKind;
import dev.wasmformer.c.preprocess.Preprocessor;
import dev.wasmformer.c.sema.Attributes;
import dev.wasmformer.c.sema.DeclSpec;
import dev.wasmformer.c.sema.Declarator;
import dev.wasmformer.c.sema.InitSyntax;
import dev.wasmformer.c.sema.Sema;
import dev.wasmformer.c.type.FloatType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.c.type.Types;
import dev.wasmformer.c.type.VoidType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for C99 (with the common C11 and GNU extensions). Each grammar
 * function carries its rule as a comment. Semantic checks and typing are delegated to
 * {@link Sema} as each construct is recognized, so the parser returns a typed tree.
 * Errors are reported and the parser resynchronizes at the next statement or declaration.
 */
public final class Parser {
  /** What {@code aligned} without an argument asks for: clang's __BIGGEST_ALIGNMENT__ on wasm32. */
  private static final int BIGGEST_ALIGNMENT = 16;

  private static final Set<String> KEYWORDS = Set.of(
      "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
      "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
      "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
      "volatile", "while", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
      "_Noreturn", "_Static_assert", "_Thread_local", "__attribute__", "__attribute", "__extension__",
      "__inline", "__inline__", "__restrict", "__restrict__", "__volatile__", "__volatile", "__const",
      "__const__", "__signed__", "__signed", "__asm__", "__asm", "asm", "__builtin_va_list", "__builtin_va_arg",
      "__builtin_va_start", "__builtin_va_end", "__builtin_va_copy", "__builtin_offsetof", "typeof",
      "__typeof__", "__typeof", "__thread", "__alignof__", "__alignof", "__real__", "__real", "__imag__",
      "__imag");

  private static final Set<String> TYPE_KEYWORDS = Set.of(
      "void", "_Bool", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "__signed__",
      "__signed", "struct", "union", "enum", "const", "volatile", "restrict", "typedef", "extern", "static",
      "auto", "register", "inline", "_Noreturn", "_Alignas", "_Atomic", "_Thread_local", "__attribute__",
      "__attribute", "__extension__", "__inline", "__inline__", "__restrict", "__restrict__", "__volatile__",
      "__volatile", "__const", "__const__", "__builtin_va_list", "typeof", "__typeof__", "__typeof", "__thread",
      "_Complex");

  private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
      Map.entry("||", 1), Map.entry("&&", 2), Map.entry("|", 3), Map.entry("^", 4), Map.entry("&", 5),
      Map.entry("==", 6), Map.entry("!=", 6), Map.entry("<", 7), Map.entry(">", 7), Map.entry("<=", 7),
      Map.entry(">=", 7), Map.entry("<<", 8), Map.entry(">>", 8), Map.entry("+", 9), Map.entry("-", 9),
      Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10));

  private static final Set<String> ASSIGN_OPS =
      Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=");

  private final List<Token> tokens;
  private final Sema sema;
  private final Diagnostics diagnostics;
  private int pos;
  private int loopDepth;
  private int switchDepth;

  private Parser(List<Token> tokens, Sema sema, Diagnostics diagnostics) {
    this.tokens = tokens;
    this.sema = sema;
    this.diagnostics = diagnostics;
  }

  /**
   * Parses and analyses one preprocessed translation unit.
   *
   * @param library true for our libc's own sources (their definitions yield to the user's)
   */
  public static TranslationUnit parse(SourceFile file, List<Token> tokens, Diagnostics diagnostics, boolean library) {
    Sema sema = new Sema(diagnostics, file, library);
    return new Parser(tokens, sema, diagnostics).translationUnit();
  }

  // =====================================================================================
  // Tokens
  // =====================================================================================

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int k) {
    return tokens.get(Math.min(pos + k, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (!t.isEof()) pos++;
    return t;
  }

  private boolean is(String s) {
    return peek().is(s);
  }

  private boolean accept(String s) {
    if (is(s)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(String s) {
    if (is(s)) return next();
    throw unexpected("expected '" + s + "'");
  }

  /** Expects a ';', reported just after the previous token as compilers do. */
  private void expectSemicolon(String after) {
    if (accept(";")) return;
    if (peek().kind() == TokenKind.OTHER) throw unexpected("");
    Token prev = pos > 0 ? tokens.get(pos - 1) : peek();
    SourcePos p = prev.pos();
    SourcePos end = new SourcePos(p.file(), p.line(), p.column() + prev.text().length());
    throw diagnostics.fail(peek().pos().line() == p.line() ? peek().pos() : end, "expected ';' " + after);
  }

  private CompileError unexpected(String message) {
    Token t = peek();
    if (t.kind() == TokenKind.OTHER) return diagnostics.fail(t.pos(), "stray '" + t.text() + "' in program");
    if ((t.kind() == TokenKind.STRING || t.kind() == TokenKind.CHAR) && !terminated(t)) {
      return diagnostics.fail(t.pos(), t.kind() == TokenKind.STRING ? "missing terminating '\"' character"
          : "missing terminating ' character");
    }
    String found = t.isEof() ? "end of file" : "'" + t.text() + "'";
    return diagnostics.fail(t.pos(), message + (message.isEmpty() ? "unexpected " : " before ") + found);
  }

  private static boolean terminated(Token t) {
    String s = t.text();
    char q = t.kind() == TokenKind.STRING ? '"' : '\'';
    int open = s.indexOf(q);
    return s.length() >= open + 2 && s.charAt(s.length() - 1) == q;
  }

  private static boolean isIdentifier(Token t) {
    return t.kind() == TokenKind.IDENT && !KEYWORDS.contains(t.text());
  }

  private Token expectIdentifier(String what) {
    if (isIdentifier(peek())) return next();
    throw unexpected("expected " + what);
  }

  /**
   * Whether a declaration starts here: {@code __extension__} may open a declaration or an
   * expression ({@code __extension__ ({ ... });}), so the token after it decides.
   */
  private boolean startsDeclaration() {
    return startsTypeAt(0);
  }

  /** Whether a type (name or declaration) starts at the k-th token from here, past any {@code __extension__}. */
  private boolean startsTypeAt(int k) {
    while (peek(k).is("__extension__")) k++;
    return isTypeStart(peek(k));
  }

  private boolean isTypeStart(Token t) {
    if (t.kind() != TokenKind.IDENT) return false;
    if (TYPE_KEYWORDS.contains(t.text())) return true;
    return !KEYWORDS.contains(t.text()) && sema.isTypedefName(t.text());
  }

  // =====================================================================================
  // Error recovery
  // =====================================================================================

  /** Skips to the end of the current statement: past a ';' or a balanced '}' block, or up to a '}'. */
  private void recoverStatement() {
    int depth = 0;
    while (!peek().isEof()) {
      Token t = peek();
      if (t.is("{")) {
        depth++;
      } else if (t.is("}")) {
        if (depth == 0) return;
        depth--;
        if (depth == 0) {
          next();
          if (!is(";")) return;
        }
      } else if (t.is(";") && depth == 0) {
        next();
        return;
      }
      next();
    }
  }

  // =====================================================================================
  // Declarations
  // =====================================================================================

  // translation-unit = external-declaration*
  private TranslationUnit translationUnit() {
    try {
      while (!peek().isEof()) {
        int start = pos;
        try {
          externalDeclaration();
        } catch (CompileError e) {
          sema.resetToFileScope();
          loopDepth = 0;
          switchDepth = 0;
          recoverStatement();
          if (pos == start) next();
        }
      }
    } catch (Diagnostics.TooManyErrors e) {
      // The diagnostics already say enough.
    }
    return sema.finish();
  }

  // external-declaration = function-definition | declaration
  private void externalDeclaration() {
    if (accept(";")) return;
    if (is(Preprocessor.PRAGMA_PACK)) {
      pragmaPack();
      return;
    }
    if (is("_Static_assert")) {
      staticAssert();
      return;
    }
    DeclSpec spec;
    if (isTypeStart(peek())) {
      spec = declSpec(true);
    } else if (isIdentifier(peek()) && peek(1).is("(")) {
      diagnostics.warning(peek().pos(), "type specifier missing, defaults to 'int'");
      spec = new DeclSpec(IntType.INT, DeclSpec.Storage.NONE, false, 0, Attributes.NONE, peek().pos());
    } else {
      throw unexpected("expected a declaration");
    }
    if (accept(";")) return;
    boolean first = true;
    do {
      Declarator d = declarator(spec, false);
      if (first && d.type() instanceof FunctionType && (is("{") || (isOldStyle(d) && isTypeStart(peek())))) {
        if (isOldStyle(d)) {
          OldStyle old = oldStyleDefinition(d);
          functionDefinition(spec, old.definition(), old.converted());
        } else {
          functionDefinition(spec, d, List.of());
        }
        return;
      }
      if (isOldStyle(d)) diagnostics.warning(spec.pos(), "parameter names (without types) in function declaration");
      first = false;
      declareOne(spec, d, null);
    } while (accept(","));
    expectSemicolon("after top level declarator");
  }

  /** Whether the declarator declares a function by an old-style identifier list. */
  private static boolean isOldStyle(Declarator d) {
    return d.type() instanceof FunctionType && d.params() != null && !d.params().isEmpty()
        && d.params().get(0).type() == null;
  }

  /**
   * An old-style (K&R) definition's parameter declarations, up to its body: the declarator
   * with each named parameter's type (int when not declared; arrays and functions adjusted to
   * pointers), as a function whose parameters have the promoted types (char and short as int,
   * float as double) that its callers pass. A parameter whose type promotes is passed under a
   * hidden name, and {@link Sema#oldStyleParameter} makes the body's one, converted on entry.
   * Unlike gcc, calls then check and convert their arguments as for a prototype.
   */
  private OldStyle oldStyleDefinition(Declarator d) {
    Map<String, Declarator.Param> declared = new HashMap<>();
    while (!is("{") && !peek().isEof()) {
      DeclSpec spec = declSpec(true);
      boolean storage = spec.storage() != DeclSpec.Storage.NONE && spec.storage() != DeclSpec.Storage.REGISTER;
      do {
        Declarator p = declarator(spec, false);
        if (storage) diagnostics.error(p.pos(), "storage class specified for parameter '" + p.name() + "'");
        boolean listed = d.params().stream().anyMatch(q -> q.name().equals(p.name()));
        if (!listed) {
          diagnostics.error(p.pos(), "declaration for parameter '" + p.name() + "' but no such parameter");
        } else if (declared.put(p.name(), new Declarator.Param(p.name(), p.pos(), Types.adjustParameter(p.type()))) != null) {
          diagnostics.error(p.pos(), "redefinition of parameter '" + p.name() + "'");
        }
      } while (accept(","));
      expectSemicolon("after parameter declaration");
    }
    FunctionType old = (FunctionType) d.type();
    List<Declarator.Param> params = new ArrayList<>();
    List<Declarator.Param> converted = new ArrayList<>();
    List<Type> passed = new ArrayList<>();
    for (Declarator.Param name : d.params()) {
      Declarator.Param p = declared.getOrDefault(name.name(), new Declarator.Param(name.name(), name.pos(), IntType.INT));
      Type promoted = p.type() instanceof FloatType f && f == FloatType.FLOAT ? FloatType.DOUBLE : Types.promote(p.type());
      passed.add(promoted);
      if (promoted == p.type()) {
        params.add(p);
      } else {
        params.add(new Declarator.Param(p.name() + "@passed", p.pos(), promoted));
        converted.add(p);
      }
    }
    Type type = sema.functionReturning(old.result(), passed, false, true, d.pos());
    return new OldStyle(new Declarator(d.name(), d.pos(), type, params, d.attributes()), converted);
  }

  /** An old-style definition's declarator, and its parameters whose types promote (converted on entry). */
  private record OldStyle(Declarator definition, List<Declarator.Param> converted) {}

  // function-definition = declspec declarator old-style-declarations? compound-statement
  // (converted: an old-style definition's parameters that promote, see oldStyleDefinition)
  private void functionDefinition(DeclSpec spec, Declarator d, List<Declarator.Param> converted) {
    if (spec.storage() == DeclSpec.Storage.TYPEDEF) {
      throw diagnostics.fail(d.pos(), "function definition declared 'typedef'");
    }
    sema.beginFunction(spec, d);
    for (Declarator.Param c : converted) sema.oldStyleParameter(c.name(), c.type(), c.name() + "@passed", c.pos());
    SourcePos p = peek().pos();
    Stmt.Block body = compound(false);
    sema.endFunction(body, p, tokens.get(pos - 1).pos());
  }

  /** Declares one declarator of a declaration, with its initializer; adds the init statement. */
  private void declareOne(DeclSpec spec, Declarator d, List<Stmt> out) {
    if (d.name() == null) throw diagnostics.fail(d.pos(), "declaration does not declare anything");
    if (spec.storage() == DeclSpec.Storage.TYPEDEF) {
      if (is("=")) throw diagnostics.fail(peek().pos(), "illegal initializer (only variables can be initialized)");
      if (spec.attributes().merge(d.attributes()).align() > 0) {
        // gcc makes an aligned type of it; our types carry no alignment of their own
        diagnostics.warning(d.pos(), "alignment of typedef '" + d.name() + "' is ignored");
      }
      sema.typedef(d);
      if (spec.unsignedEnum() && d.type() == IntType.INT) sema.markUnsignedEnumTypedef(d.name());
      if (d.type() == spec.type()) sema.markEnumTypedef(d.name(), PointerType.enumOf(spec.qualifiers()));
      if (out != null) sema.declarationLengths(null, d.type(), out); // a typedef's lengths are fixed here
      return;
    }
    boolean hasInit = is("=");
    if (hasInit && d.type() instanceof FunctionType) {
      throw diagnostics.fail(peek().pos(), "illegal initializer (only variables can be initialized)");
    }
    Symbol s = sema.declare(spec, d, hasInit);
    if (d.type() == spec.type()) s.setEnumNumber(PointerType.enumOf(spec.qualifiers()));
    if (out != null) sema.declarationLengths(s, d.type(), out);
    if (accept("=")) {
      SourcePos p = peek().pos();
      InitSyntax init = s.hasStaticStorage() ? sema.staticInitializer(this::initializer) : initializer();
      Stmt st = sema.initialize(s, init, p);
      if (st != null && out != null) out.add(st);
    }
    sema.checkComplete(s);
  }

  // declaration = declspec (declarator ("=" initializer)? ("," declarator ("=" initializer)?)*)? ";"
  private void localDeclaration(List<Stmt> out) {
    DeclSpec spec = declSpec(true);
    if (accept(";")) return;
    do {
      Declarator d = declarator(spec, false);
      declareOne(spec, d, out);
    } while (accept(","));
    expectSemicolon("at end of declaration");
  }

  /** The largest alignment {@code #pragma pack(n)} allows a member (0: no limit), and the pushed ones. */
  private int packLimit;
  private final Deque<Integer> packStack = new ArrayDeque<>();

  /**
   * {@code #pragma pack} as gcc reads it: {@code ()} (no limit), {@code (n)}, {@code (push)},
   * {@code (push, n)}, {@code (pop)} (identifiers after push and pop are accepted and
   * ignored); n is 1, 2, 4, 8 or 16, another value is warned about and ignored.
   */
  private void pragmaPack() {
    Token pragma = next();
    if (!accept("(")) {
      diagnostics.warning(pragma.pos(), "missing '(' after '#pragma pack' - ignored");
      while (!peek().atLineStart() && !peek().isEof()) next();
      return;
    }
    int limit = packLimit;
    boolean push = false;
    boolean pop = false;
    boolean empty = true;
    while (!is(")") && !peek().isEof()) {
      Token t = next();
      empty = false;
      if (t.is("push")) {
        push = true;
      } else if (t.is("pop")) {
        pop = true;
      } else if (t.kind() == TokenKind.NUMBER) {
        long n = Long.decode(t.text().replaceAll("[uUlL]+$", ""));
        if (n == 1 || n == 2 || n == 4 || n == 8 || n == 16) {
          limit = (int) n;
        } else {
          diagnostics.warning(pragma.pos(), "alignment must be a small power of two, not " + n);
        }
      }
      accept(",");
    }
    expect(")");
    if (push) {
      packStack.push(packLimit);
      packLimit = limit;
    } else if (pop) {
      if (packStack.isEmpty()) {
        diagnostics.warning(pragma.pos(), "'#pragma pack (pop)' encountered without matching '#pragma pack (push)'");
      } else {
        packLimit = packStack.pop();
      }
    } else {
      packLimit = empty ? 0 : limit;
    }
  }

  // static-assert = "_Static_assert" "(" constant-expression ("," string-literal)? ")" ";"
  private void staticAssert() {
    SourcePos p = next().pos();
    expect("(");
    Expr cond = conditional();
    String message = null;
    if (accept(",")) {
      StringParts text = stringLiteral();
      message = new String(Literals.bytes(text.units()), java.nio.charset.StandardCharsets.UTF_8);
    }
    expect(")");
    expectSemicolon("after static_assert");
    sema.staticAssert(cond, message, p);
  }

  // declspec = (storage-class | type-qualifier | type-specifier | function-specifier | attribute)+
  private DeclSpec declSpec(boolean allowStorage) {
    SourcePos start = peek().pos();
    DeclSpec.Storage storage = DeclSpec.Storage.NONE;
    boolean isInline = false;
    int qualifiers = 0;
    Attributes attrs = Attributes.NONE;
    Type named = null;
    boolean unsignedEnum = false;
    int enumNumber = 0;  // of the enum type named, for _Generic (PointerType.ENUM_SHIFT)
    int voids = 0, bools = 0, chars = 0, shorts = 0, ints = 0, longs = 0, signeds = 0, unsigneds = 0,
        floats = 0, doubles = 0;
    boolean anyBasic = false;
    SourcePos atomicAt = null;   // where an _Atomic qualifier stands
    SourcePos complexAt = null;  // where _Complex stands
    while (true) {
      Token t = peek();
      if (t.kind() != TokenKind.IDENT) break;
      String s = t.text();
      switch (s) {
        case "typedef", "extern", "static", "auto", "register" -> {
          if (!allowStorage) throw diagnostics.fail(t.pos(), "storage class specifier not allowed here");
          if (storage != DeclSpec.Storage.NONE) throw diagnostics.fail(t.pos(), "multiple storage classes in declaration specifiers");
          storage = DeclSpec.Storage.valueOf(s.toUpperCase());
          next();
          continue;
        }
        case "inline", "__inline", "__inline__" -> {
          isInline = true;
          next();
          continue;
        }
        case "_Noreturn" -> {
          attrs = attrs.merge(Attributes.NORETURN);
          next();
          continue;
        }
        case "const", "__const", "__const__", "volatile", "__volatile__", "__volatile", "restrict", "__restrict",
            "__restrict__" -> {
          qualifiers |= qualifier(t);
          next();
          continue;
        }
        case "__extension__", "_Thread_local", "__thread" -> {
          next();
          continue;
        }
        case "_Atomic" -> {
          next();
          if (is("(")) {
            // _Atomic ( type-name ): a type specifier
            if (named != null || anyBasic) throw diagnostics.fail(t.pos(), "cannot combine with previous declaration specifier");
            next();
            SourcePos at = peek().pos();
            named = atomicType(typeName(), at);
            expect(")");
          } else {
            atomicAt = t.pos();
          }
          continue;
        }
        case "_Complex" -> {
          if (named != null || complexAt != null) throw diagnostics.fail(t.pos(), "cannot combine with previous declaration specifier");
          complexAt = t.pos();
          next();
          continue;
        }
        case "__attribute__", "__attribute" -> {
          attrs = attrs.merge(attributes());
          continue;
        }
        case "_Alignas" -> {
          next();
          expect("(");
          int align;
          if (isTypeStart(peek())) {
            align = Math.max(typeName().align(), 1);
          } else {
            align = sema.requestedAlignment(conditional(), t.pos());
          }
          expect(")");
          attrs = attrs.merge(Attributes.alignas(align));
          continue;
        }
        default -> { }
      }
      boolean basic = true;
      switch (s) {
        case "void" -> voids++;
        case "_Bool" -> bools++;
        case "char" -> chars++;
        case "short" -> shorts++;
        case "int" -> ints++;
        case "long" -> longs++;
        case "signed", "__signed__", "__signed" -> signeds++;
        case "unsigned" -> unsigneds++;
        case "float" -> floats++;
        case "double" -> doubles++;
        default -> basic = false;
      }
      if (basic) {
        if (named != null) throw diagnostics.fail(t.pos(), "cannot combine with previous declaration specifier");
        anyBasic = true;
        next();
        continue;
      }
      if (s.equals("struct") || s.equals("union") || s.equals("enum") || s.equals("__builtin_va_list")
          || s.equals("typeof") || s.equals("__typeof__") || s.equals("__typeof")) {
        if (named != null || anyBasic) throw diagnostics.fail(t.pos(), "cannot combine with previous declaration specifier");
        named = switch (s) {
          case "struct", "union" -> structSpecifier();
          case "enum" -> {
            Type e = enumSpecifier();
            unsignedEnum = lastEnumUnsigned;
            enumNumber = lastEnumNumber;
            yield e;
          }
          case "__builtin_va_list" -> {
            next();
            yield Sema.VA_LIST;
          }
          default -> typeofSpecifier();
        };
        continue;
      }
      if (named == null && !anyBasic && isIdentifier(t) && sema.isTypedefName(s)) {
        named = sema.typedefType(s);
        unsignedEnum = sema.isUnsignedEnumTypedef(s);
        enumNumber = sema.typedefEnumNumber(s);
        next();
        continue;
      }
      break;
    }
    Type type;
    if (named != null) {
      if (complexAt != null) throw diagnostics.fail(complexAt, "cannot combine with previous declaration specifier");
      type = named;
    } else if (complexAt != null) {
      type = complexType(complexAt, anyBasic
          ? basicType(start, voids, bools, chars, shorts, ints, longs, signeds, unsigneds, floats, doubles) : null);
    } else if (!anyBasic) {
      diagnostics.warning(start, "type specifier missing, defaults to 'int'");
      type = IntType.INT;
    } else {
      type = basicType(start, voids, bools, chars, shorts, ints, longs, signeds, unsigneds, floats, doubles);
    }
    if (atomicAt != null) type = atomicType(type, atomicAt);
    qualifiers |= enumNumber << PointerType.ENUM_SHIFT;
    return new DeclSpec(type, storage, isInline, qualifiers, attrs, start, unsignedEnum);
  }

  /**
   * {@code _Complex} with the real type {@code part} (null: none, which gcc takes as double);
   * an integer part is GNU's complex integer type, of any integer type but _Bool.
   */
  private Type complexType(SourcePos at, Type part) {
    if (part == null) {
      diagnostics.warning(at, "ISO C does not support plain 'complex' meaning 'double complex'");
      return StructType.COMPLEX_DOUBLE;
    }
    if (part == IntType.BOOL || part.isVoid()) {
      throw diagnostics.fail(at, "both 'complex' and '" + part.spell() + "' in declaration specifiers");
    }
    return StructType.complexOf(part);
  }

  private Type basicType(SourcePos p, int voids, int bools, int chars, int shorts, int ints, int longs, int signeds,
      int unsigneds, int floats, int doubles) {
    boolean signedness = signeds + unsigneds > 0;
    if (signeds + unsigneds > 1) throw diagnostics.fail(p, "cannot combine 'signed' and 'unsigned' this way");
    int others = voids + bools + chars + shorts + ints + longs + floats + doubles;
    if (voids == 1 && others == 1 && !signedness) return VoidType.VOID;
    if (bools == 1 && others == 1 && !signedness) return IntType.BOOL;
    if (floats == 1 && others == 1 && !signedness) return FloatType.FLOAT;
    if (doubles == 1 && others == 1 && !signedness) return FloatType.DOUBLE;
    if (doubles == 1 && longs == 1 && others == 2 && !signedness) return FloatType.LDOUBLE;
    if (chars == 1 && others == 1) return signeds > 0 ? IntType.SCHAR : unsigneds > 0 ? IntType.UCHAR : IntType.CHAR;
    if (shorts == 1 && others == 1 + ints && ints <= 1) return unsigneds > 0 ? IntType.USHORT : IntType.SHORT;
    if (longs == 1 && others == 1 + ints && ints <= 1) return unsigneds > 0 ? IntType.ULONG : IntType.LONG;
    if (longs == 2 && others == 2 + ints && ints <= 1) return unsigneds > 0 ? IntType.ULLONG : IntType.LLONG;
    if (ints == 1 && others == 1) return unsigneds > 0 ? IntType.UINT : IntType.INT;
    if (others == 0 && signedness) return unsigneds > 0 ? IntType.UINT : IntType.INT;
    throw diagnostics.fail(p, "invalid combination of type specifiers");
  }

  /**
   * The type {@code _Atomic} qualifies, as it is: programs run on one thread, so an atomic
   * object is an ordinary one of the same size and alignment (as gcc lays out atomic scalars
   * on wasm32's sizes) and every access to it is indivisible. Atomic structs and unions are
   * refused: gcc and clang would change some of their sizes or alignments.
   */
  private Type atomicType(Type t, SourcePos pos) {
    if (t.isArray()) throw diagnostics.fail(pos, "'_Atomic'-qualified array type");
    if (t.isFunction()) throw diagnostics.fail(pos, "'_Atomic'-qualified function type");
    if (t.isComplex()) throw diagnostics.fail(pos, "'_Atomic' on a complex type is not supported");
    if (t instanceof StructType s) {
      if (!s.isComplete()) throw diagnostics.fail(pos, "'_Atomic' on an incomplete struct or union type is not supported");
      return s.atomic();
    }
    return t;
  }

  // typeof-specifier = "typeof" "(" (type-name | expression) ")"
  private Type typeofSpecifier() {
    Token kw = next();
    expect("(");
    Type t = isTypeStart(peek()) ? typeName() : sema.typeOfExpression(expression(), kw.pos());
    expect(")");
    return t;
  }

  // attribute = "__attribute__" "(" "(" (name ("(" arguments ")")?)? ("," ...)* ")" ")"
  private Attributes attributes() {
    Attributes attrs = Attributes.NONE;
    while (is("__attribute__") || is("__attribute")) {
      next();
      expect("(");
      expect("(");
      while (!is(")")) {
        Token name = next();
        String n = name.text().replaceAll("^__(.*)__$", "$1");
        if (n.equals("aligned")) {
          // aligned(n), a constant expression, or aligned alone: the target's largest alignment
          int align = BIGGEST_ALIGNMENT;
          if (accept("(")) {
            align = sema.requestedAlignment(conditional(), name.pos());
            expect(")");
          }
          attrs = attrs.merge(Attributes.aligned(align));
          if (!accept(",")) break;
          continue;
        }
        List<Token> args = new ArrayList<>();
        if (accept("(")) {
          int depth = 0;
          while (!(depth == 0 && is(")")) && !peek().isEof()) {
            if (is("(")) depth++;
            if (is(")")) depth--;
            args.add(next());
          }
          expect(")");
        }
        switch (n) {
          case "export_name" -> attrs = attrs.merge(new Attributes(attributeString(name, args), null, null));
          case "import_module" -> attrs = attrs.merge(new Attributes(null, attributeString(name, args), null));
          case "import_name" -> attrs = attrs.merge(new Attributes(null, null, attributeString(name, args)));
          case "packed" -> attrs = attrs.merge(Attributes.PACKED);
          case "noreturn" -> attrs = attrs.merge(Attributes.NORETURN);
          case "vector_size" -> throw diagnostics.fail(name.pos(), "vector types are not supported");
          default -> { }
        }
        if (!accept(",")) break;
      }
      expect(")");
      expect(")");
    }
    return attrs;
  }

  private String attributeString(Token name, List<Token> args) {
    if (args.size() != 1 || args.get(0).kind() != TokenKind.STRING) {
      throw diagnostics.fail(name.pos(), "'" + name.text() + "' attribute requires a string");
    }
    try {
      return new String(Literals.string(args.get(0).text()), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw diagnostics.fail(args.get(0).pos(), e.getMessage());
    }
  }

  /** Skips type qualifiers and attributes; returns the qualifiers' bits ({@link #qualifier}). */
  private int qualifiersAndAttributes() {
    int qualifiers = 0;
    while (true) {
      if (is("const") || is("volatile") || is("restrict") || is("__restrict") || is("__restrict__")
          || is("__const") || is("__volatile__") || is("_Atomic") || is("__const__") || is("__volatile")) {
        qualifiers |= qualifier(next());
      } else if (is("__attribute__") || is("__attribute")) {
        attributes();
      } else {
        return qualifiers;
      }
    }
  }

  /** A type qualifier's bit: const 1, volatile 2, restrict 4 (0 for _Atomic, which is ignored). */
  private static int qualifier(Token t) {
    return switch (t.text()) {
      case "const", "__const", "__const__" -> 1;
      case "volatile", "__volatile", "__volatile__" -> 2;
      case "restrict", "__restrict", "__restrict__" -> 4;
      default -> 0;
    };
  }

  // struct-or-union-specifier = ("struct" | "union") attribute* ident? ("{" struct-declaration* "}")? attribute*
  private Type structSpecifier() {
    Token kw = next();
    boolean union = kw.is("union");
    Attributes structAttrs = is("__attribute__") || is("__attribute") ? attributes() : Attributes.NONE;
    String tag = null;
    SourcePos tagPos = kw.pos();
    if (isIdentifier(peek())) {
      tagPos = peek().pos();
      tag = next().text();
    }
    if (!is("{")) {
      if (tag == null) throw unexpected("expected identifier or '{' after '" + kw.text() + "'");
      return sema.structTag(tag, union, false, is(";"), tagPos);
    }
    StructType st = sema.structTag(tag, union, true, false, tagPos);
    next();
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    List<SourcePos> positions = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    List<Integer> aligns = new ArrayList<>();
    List<Boolean> packedMembers = new ArrayList<>();
    while (!accept("}")) {
      if (peek().isEof()) throw unexpected("expected '}'");
      if (accept(";")) continue;
      if (is("_Static_assert")) {
        staticAssert();
        continue;
      }
      if (is(Preprocessor.PRAGMA_PACK)) {
        pragmaPack();
        continue;
      }
      if (!isTypeStart(peek())) throw unexpected("expected member declaration");
      DeclSpec ms = declSpec(false);
      if (accept(";")) {
        if (ms.type() instanceof StructType inner && inner.tag() == null) {
          names.add(null);
          types.add(inner);
          positions.add(ms.pos());
          widths.add(null);
          aligns.add(ms.attributes().align());
          packedMembers.add(ms.attributes().packed());
        } else {
          diagnostics.warning(ms.pos(), "declaration does not declare anything");
        }
        continue;
      }
      do {
        Declarator d = declarator(ms, true);
        Attributes afterWidth = Attributes.NONE;
        Integer width = null;
        SourcePos widthPos = null;
        if (accept(":")) {
          Expr e = conditional();
          Long v = sema.requireConstant(e, "bit-field width");
          width = v == null ? 1 : (int) Math.max(Math.min(v, Integer.MAX_VALUE), Integer.MIN_VALUE);
          widthPos = e.pos();
          if (is("__attribute__") || is("__attribute")) afterWidth = attributes();
        } else if (d.name() == null) {
          throw diagnostics.fail(d.pos(), "expected member name");
        }
        names.add(d.name());
        // A bit-field of an enum whose enumerators are all non-negative is unsigned, as gcc
        // has it (the enum's type is unsigned int there; its layout is int's either way).
        types.add(width != null && ms.unsignedEnum() && d.type() == IntType.INT ? IntType.UINT : d.type());
        positions.add(d.pos());
        widths.add(width);
        Attributes memberAttrs = ms.attributes().merge(d.attributes()).merge(afterWidth);
        if (width == null) sema.checkAlignas(memberAttrs, d.type(), d.name(), d.pos());
        aligns.add(memberAttrs.align());
        packedMembers.add(memberAttrs.packed());
        if (width != null) sema.checkBitField(names, types, positions, widths, widthPos, names.size() - 1);
      } while (accept(","));
      expectSemicolon("at end of declaration list");
    }
    if (is("__attribute__") || is("__attribute")) structAttrs = structAttrs.merge(attributes());
    sema.completeStruct(st, names, types, positions, widths, aligns, packedMembers, structAttrs, packLimit, kw.pos());
    return st;
  }

  // enum-specifier = "enum" ident? ("{" enumerator ("," enumerator)* ","? "}")?
  // enumerator = ident ("=" constant-expression)?
  /** Whether the enum the last enumSpecifier() parsed has only non-negative enumerators. */
  private boolean lastEnumUnsigned;
  /** Its number ({@link Sema#enumNumber}). */
  private int lastEnumNumber;

  private Type enumSpecifier() {
    Token kw = next();
    String tag = null;
    SourcePos tagPos = kw.pos();
    if (isIdentifier(peek())) {
      tagPos = peek().pos();
      tag = next().text();
    }
    if (!is("{")) {
      if (tag == null) throw unexpected("expected identifier or '{' after 'enum'");
      sema.enumTag(tag, false, tagPos);
      lastEnumUnsigned = sema.isUnsignedEnum(tag);
      lastEnumNumber = sema.enumNumber(tag);
      return sema.enumType(tag);
    }
    sema.enumTag(tag, true, tagPos);
    next();
    Sema.EnumBody body = sema.beginEnum();
    while (!accept("}")) {
      Token name = expectIdentifier("enumerator name");
      Expr value = accept("=") ? conditional() : null;
      sema.enumConstant(body, name.text(), name.pos(), value);
      if (!accept(",")) {
        expect("}");
        break;
      }
    }
    // gcc's type: unsigned int with no negative enumerator, wider past 32 bits (see Sema)
    IntType type = sema.completeEnum(tag, body);
    lastEnumUnsigned = !type.isSigned();
    lastEnumNumber = sema.enumNumber(tag);
    return type;
  }

  // declarator = pointer* ("(" declarator ")" | ident)? type-suffix*
  // pointer = "*" (type-qualifier | attribute)*
  private Declarator declarator(DeclSpec spec, boolean abstractAllowed) {
    return declarator(spec.type(), spec.qualifiers(), abstractAllowed);
  }

  /** {@code qualifiers} are base's as written, which a pointer to it records for _Generic. */
  private Declarator declarator(Type base, int qualifiers, boolean abstractAllowed) {
    SourcePos start = peek().pos();
    while (accept("*")) {
      base = new PointerType(base, qualifiers);
      qualifiers = qualifiersAndAttributes();
    }
    if (is("(") && isNestedDeclarator(abstractAllowed)) {
      int open = pos;
      next();
      skipBalanced();
      List<List<Declarator.Param>> outerParams = new ArrayList<>();
      Type outer = typeSuffix(base, outerParams);
      int end = pos;
      pos = open + 1;
      Declarator inner = declarator(outer, outer == base ? qualifiers : 0, abstractAllowed);
      expect(")");
      pos = end;
      if (inner.params() == null && inner.type() == outer && !outerParams.isEmpty()) {
        // "int (f)(int x)": only parentheses around the name, so the parameters are f's.
        return new Declarator(inner.name(), inner.pos(), inner.type(), outerParams.get(0), inner.attributes());
      }
      return inner;
    }
    String name = null;
    SourcePos namePos = peek().pos();
    if (isIdentifier(peek())) {
      name = next().text();
    } else if (!abstractAllowed) {
      throw unexpected("expected identifier or '('");
    } else {
      namePos = start;
    }
    List<List<Declarator.Param>> params = new ArrayList<>();
    Type type = typeSuffix(base, params);
    Attributes attrs = Attributes.NONE;
    while (true) {
      if (is("__attribute__") || is("__attribute")) {
        attrs = attrs.merge(attributes());
      } else if (is("__asm__") || is("__asm") || is("asm")) {
        next();
        expect("(");
        skipBalanced();
      } else {
        break;
      }
    }
    return new Declarator(name, namePos, type, params.isEmpty() ? null : params.get(0), attrs);
  }

  /** After '(' in a declarator: true if it opens a nested declarator rather than parameters. */
  private boolean isNestedDeclarator(boolean abstractAllowed) {
    Token t = peek(1);
    if (t.is("*") || t.is("(") || t.is("[") || t.is("^")) return true;
    if (t.is("__attribute__")) return true;
    return isIdentifier(t) && !sema.isTypedefName(t.text());
  }

  private void skipBalanced() {
    int depth = 1;
    while (depth > 0 && !peek().isEof()) {
      Token t = next();
      if (t.is("(")) depth++;
      if (t.is(")")) depth--;
    }
  }

  // type-suffix = "[" "static"? qualifiers? assign? "]" type-suffix | "(" parameter-list ")" type-suffix | ε
  private Type typeSuffix(Type base, List<List<Declarator.Param>> capture) {
    if (is("[")) {
      SourcePos p = next().pos();
      accept("static");
      qualifiersAndAttributes();
      accept("static");
      Expr length = null;
      if (is("*") && peek(1).is("]")) {
        next();
        next();
        return sema.arrayOf(typeSuffix(base, null), null, true, p);
      }
      if (!is("]")) length = assignment();
      expect("]");
      Type inner = typeSuffix(base, null);
      return sema.arrayOf(inner, length, p);
    }
    if (is("(")) {
      SourcePos p = next().pos();
      List<Declarator.Param> params = new ArrayList<>();
      boolean[] flags = parameterList(params);
      if (capture != null) capture.add(params);
      Type result = typeSuffix(base, null);
      List<Type> types = new ArrayList<>();
      for (Declarator.Param d : params) {
        if (d.type() != null) types.add(d.type());   // an identifier list's names have none yet
      }
      return sema.functionReturning(result, types, flags[0], flags[1], p);
    }
    return base;
  }

  // parameter-list = "void" | parameter ("," parameter)* ("," "...")? | ε     (after "(", through ")")
  // Returns {variadic, prototyped}.
  private boolean[] parameterList(List<Declarator.Param> out) {
    if (accept(")")) return new boolean[] {false, false};
    if (is("void") && peek(1).is(")")) {
      next();
      next();
      return new boolean[] {false, true};
    }
    if (isIdentifier(peek()) && !sema.isTypedefName(peek().text()) && (peek(1).is(",") || peek(1).is(")"))) {
      // an old-style identifier list: a definition's declarations give the types (oldStyleDefinition)
      do {
        Token name = expectIdentifier("parameter name");
        out.add(new Declarator.Param(name.text(), name.pos(), null));
      } while (accept(","));
      expect(")");
      return new boolean[] {false, false};
    }
    boolean variadic = false;
    // the prototype scope: a parameter's name is visible in the declarators after it
    sema.pushScope();
    try {
      while (true) {
        if (accept("...")) {
          variadic = true;
          break;
        }
        if (!isTypeStart(peek())) throw unexpected("expected parameter declarator");
        DeclSpec spec = declSpec(true);
        Declarator d = declarator(spec, true);
        Type t = Types.adjustParameter(d.type());
        if (spec.attributes().merge(d.attributes()).alignas() > 0) {
          diagnostics.error(d.pos(), "alignment specified for parameter '" + (d.name() == null ? "<anonymous>" : d.name()) + "'");
        }
        if (t.isVoid()) throw diagnostics.fail(d.pos(), "'void' must be the first and only parameter if specified");
        Symbol symbol = d.name() == null ? null : sema.prototypeParameter(d.name(), d.pos(), t);
        if (symbol != null && t == spec.type()) symbol.setEnumNumber(PointerType.enumOf(spec.qualifiers()));
        out.add(new Declarator.Param(d.name(), d.pos(), t, symbol));
        if (!accept(",")) break;
      }
    } finally {
      sema.popScope();
    }
    expect(")");
    return new boolean[] {variadic, true};
  }

  // type-name = declspec abstract-declarator
  private Type typeName() {
    DeclSpec spec = declSpec(false);
    Declarator d = declarator(spec, true);
    if (d.name() != null) throw diagnostics.fail(d.pos(), "unexpected identifier '" + d.name() + "' in type name");
    lastTypeNameEnum = d.type() == spec.type() ? PointerType.enumOf(spec.qualifiers()) : 0;
    return d.type();
  }

  /** The number of the enum type the last type name was (0: another type), for _Generic. */
  private int lastTypeNameEnum;
  /** Casts to an enum type, with its number: the controlling expression of a _Generic may be one. */
  private final Map<Expr, Integer> enumCasts = new IdentityHashMap<>();

  // initializer = "{" (designation? initializer ("," designation? initializer)* ","?)? "}" | assign
  // designation = ("[" constant-expression "]" | "." ident)+ "="
  private InitSyntax initializer() {
    SourcePos p = peek().pos();
    if (!accept("{")) return new InitSyntax.Single(p, assignment());
    List<InitSyntax.Element> elements = new ArrayList<>();
    while (!accept("}")) {
      List<InitSyntax.Designator> designators = new ArrayList<>();
      boolean gnuColon = false;
      if (isIdentifier(peek()) && peek(1).is(":")) {
        gnuColon = true;
        // The old GNU form "member: value".
        Token name = next();
        next();
        designators.add(new InitSyntax.Designator(name.pos(), name.text(), 0));
      }
      while (is("[") || is(".")) {
        Token t = next();
        if (t.is(".")) {
          Token name = expectIdentifier("field designator");
          designators.add(new InitSyntax.Designator(name.pos(), name.text(), 0));
        } else {
          Expr index = conditional();
          if (is("...")) throw diagnostics.fail(peek().pos(), "range designators are not supported");
          expect("]");
          Long v = sema.requireConstant(index, "array designator index");
          designators.add(new InitSyntax.Designator(t.pos(), null, v == null ? 0 : v));
        }
      }
      if (!designators.isEmpty() && !gnuColon) expect("=");
      elements.add(new InitSyntax.Element(designators, initializer()));
      if (!accept(",")) {
        expect("}");
        break;
      }
    }
    return new InitSyntax.Braced(p, elements);
  }

  // =====================================================================================
  // Statements
  // =====================================================================================

  /** The GNU local labels of the enclosing blocks, innermost first: each name to its own unique one. */
  private final Deque<Map<String, String>> localLabels = new ArrayDeque<>();
  private int localLabelCount;

  // compound-statement = "{" local-labels* (declaration | statement)* "}"
  private Stmt.Block compound(boolean newScope) {
    SourcePos p = expect("{").pos();
    localLabels.push(localLabelDeclarations());
    try {
      return compoundBody(p, newScope);
    } finally {
      localLabels.pop();
    }
  }

  // local-labels = "__label__" ident ("," ident)* ";"
  private Map<String, String> localLabelDeclarations() {
    Map<String, String> names = new HashMap<>();
    while (accept("__label__")) {
      do {
        Token name = expectIdentifier("label name");
        // no C label holds '@', so the unique name collides with none (Sema prints what precedes it)
        if (names.putIfAbsent(name.text(), name.text() + "@" + ++localLabelCount) != null) {
          diagnostics.error(name.pos(), "duplicate label declaration '" + name.text() + "'");
        }
      } while (accept(","));
      expectSemicolon("after '__label__' declaration");
    }
    return names;
  }

  /** A label as written, renamed when it is a local label of an enclosing block. */
  private String labelName(String written) {
    for (Map<String, String> names : localLabels) {
      String unique = names.get(written);
      if (unique != null) return unique;
    }
    return written;
  }

  private Stmt.Block compoundBody(SourcePos p, boolean newScope) {
    if (newScope) sema.pushScope();
    List<Stmt> items = new ArrayList<>();
    while (!is("}")) {
      if (peek().isEof()) throw diagnostics.fail(p, "expected '}' to match this '{'");
      Object mark = sema.mark();
      int loops = loopDepth, switches = switchDepth, start = pos;
      try {
        blockItem(items);
      } catch (CompileError e) {
        sema.restore(mark);
        loopDepth = loops;
        switchDepth = switches;
        recoverStatement();
        if (pos == start) next();
      }
    }
    if (newScope) {
      Stmt release = sema.blockEnd(peek().pos());
      if (release != null) items.add(release);
    }
    next();
    if (newScope) sema.popScope();
    return new Stmt.Block(p, items);
  }

  private void blockItem(List<Stmt> items) {
    if (is(Preprocessor.PRAGMA_PACK)) {
      pragmaPack();
    } else if (is("_Static_assert")) {
      staticAssert();
    } else if (startsDeclaration() && !(isIdentifier(peek()) && peek(1).is(":"))) {
      localDeclaration(items);
    } else {
      items.add(statement());
    }
  }

  // statement = labeled | compound | expression-statement | selection | iteration | jump
  private Stmt statement() {
    Token t = peek();
    if (isIdentifier(t) && peek(1).is(":")) {
      next();
      next();
      String label = labelName(t.text());
      sema.label(label, t.pos());
      Stmt body = is("}") ? new Stmt.Empty(t.pos()) : statement();
      return new Stmt.Labeled(t.pos(), label, body);
    }
    if (t.kind() != TokenKind.IDENT && t.kind() != TokenKind.PUNCT) return expressionStatement();
    switch (t.text()) {
      case "{" -> {
        return compound(true);
      }
      case ";" -> {
        next();
        return new Stmt.Empty(t.pos());
      }
      case "if" -> {
        // selection = "if" "(" expression ")" statement ("else" statement)?
        next();
        expect("(");
        Expr cond = sema.condition(expression());
        expect(")");
        Stmt then = scopedStatement();
        Stmt otherwise = accept("else") ? scopedStatement() : null;
        return new Stmt.If(t.pos(), cond, then, otherwise);
      }
      case "while" -> {
        // iteration = "while" "(" expression ")" statement
        next();
        expect("(");
        Expr cond = sema.condition(expression());
        expect(")");
        return new Stmt.While(t.pos(), cond, loopBody());
      }
      case "do" -> {
        // iteration = "do" statement "while" "(" expression ")" ";"
        next();
        Stmt body = loopBody();
        expect("while");
        expect("(");
        Expr cond = sema.condition(expression());
        expect(")");
        expectSemicolon("after do/while statement");
        return new Stmt.DoWhile(t.pos(), body, cond);
      }
      case "for" -> {
        // iteration = "for" "(" (declaration | expression? ";") expression? ";" expression? ")" statement
        next();
        expect("(");
        sema.pushScope();
        try {
          Stmt init = null;
          if (startsDeclaration()) {
            List<Stmt> inits = new ArrayList<>();
            localDeclaration(inits);
            init = new Stmt.Block(t.pos(), inits);
          } else if (!accept(";")) {
            Expr e = expression();
            init = new Stmt.ExprStmt(e.pos(), sema.rvalue(e));
            expectSemicolon("in 'for' statement specifier");
          }
          Expr cond = null;
          if (!is(";")) cond = sema.condition(expression());
          expectSemicolon("in 'for' statement specifier");
          Expr step = null;
          if (!is(")")) step = sema.rvalue(expression());
          expect(")");
          Stmt body = loopBody();
          Stmt loop = new Stmt.For(t.pos(), init, cond, step, body);
          Stmt release = sema.blockEnd(t.pos()); // arrays declared in the init clause
          return release == null ? loop : new Stmt.Block(t.pos(), List.of(loop, release));
        } finally {
          sema.popScope();
        }
      }
      case "switch" -> {
        // selection = "switch" "(" expression ")" statement
        next();
        expect("(");
        Expr value = sema.beginSwitch(expression());
        expect(")");
        switchDepth++;
        try {
          Stmt body = scopedStatement();
          return new Stmt.Switch(t.pos(), value, body);
        } finally {
          switchDepth--;
          sema.endSwitch();
        }
      }
      case "case" -> {
        // labeled = "case" constant-expression ("..." constant-expression)? ":" statement
        next();
        Expr value = conditional();
        if (is("...")) {
          // GNU case range: one label per value, nested as `case 1: case 2:` are
          next();
          Expr high = conditional();
          expect(":");
          List<Long> values = sema.caseRange(value, high, t.pos());
          Stmt body = is("}") ? new Stmt.Empty(t.pos()) : statement();
          for (int i = values.size() - 1; i >= 0; i--) body = new Stmt.Case(t.pos(), values.get(i), false, body);
          return body;
        }
        expect(":");
        long v = sema.caseLabel(value, t.pos());
        Stmt body = is("}") ? new Stmt.Empty(t.pos()) : statement();
        return new Stmt.Case(t.pos(), v, false, body);
      }
      case "default" -> {
        // labeled = "default" ":" statement
        next();
        expect(":");
        sema.defaultLabel(t.pos());
        Stmt body = is("}") ? new Stmt.Empty(t.pos()) : statement();
        return new Stmt.Case(t.pos(), 0, true, body);
      }
      case "break" -> {
        next();
        if (loopDepth + switchDepth == 0) diagnostics.error(t.pos(), "'break' statement not in loop or switch statement");
        expectSemicolon("after 'break'");
        return sema.jumpStatement(true, t.pos());
      }
      case "continue" -> {
        next();
        if (loopDepth == 0) diagnostics.error(t.pos(), "'continue' statement not in loop statement");
        expectSemicolon("after 'continue'");
        return sema.jumpStatement(false, t.pos());
      }
      case "goto" -> {
        next();
        if (accept("*")) {
          SourcePos at = peek().pos();
          Expr target = expression();
          expectSemicolon("after 'goto'");
          return sema.computedGoto(target, at);
        }
        Token label = expectIdentifier("label name");
        expectSemicolon("after 'goto'");
        return sema.gotoStatement(labelName(label.text()), label.pos());
      }
      case "return" -> {
        next();
        Expr value = is(";") ? null : expression();
        expectSemicolon("after return statement");
        return sema.returnStatement(t.pos(), value);
      }
      case "__asm__", "__asm", "asm" -> throw diagnostics.fail(t.pos(), "inline assembly is not supported");
      default -> {
        return expressionStatement();
      }
    }
  }

  /** A sub-statement is its own block scope (C99 6.8.4p3, 6.8.5p5). */
  private Stmt scopedStatement() {
    sema.pushScope();
    try {
      return statement();
    } finally {
      sema.popScope();
    }
  }

  private Stmt loopBody() {
    loopDepth++;
    sema.beginLoop();
    try {
      return scopedStatement();
    } finally {
      loopDepth--;
      sema.endLoop();
    }
  }

  // expression-statement = expression ";"
  private Stmt expressionStatement() {
    SourcePos p = peek().pos();
    Expr e = expression();
    expectSemicolon("after expression");
    return new Stmt.ExprStmt(p, sema.rvalue(e));
  }

  // =====================================================================================
  // Expressions
  // =====================================================================================

  // expression = assign ("," assign)*
  private Expr expression() {
    Expr e = assignment();
    while (is(",")) {
      SourcePos p = next().pos();
      e = sema.comma(e, assignment(), p);
    }
    return e;
  }

  // assign = conditional (assign-op assign)?
  private Expr assignment() {
    Expr left = conditional();
    Token op = peek();
    if (op.kind() == TokenKind.PUNCT && ASSIGN_OPS.contains(op.text())) {
      next();
      Expr right = assignment();
      return op.is("=") ? sema.assign(left, right, op.pos()) : sema.compoundAssign(op.text(), left, right, op.pos());
    }
    return left;
  }

  // conditional = logical-or ("?" expression ":" conditional)?
  private Expr conditional() {
    Expr cond = binary(1);
    if (!is("?")) return cond;
    SourcePos p = next().pos();
    if (is(":")) {
      // GNU: x ?: y is x ? x : y with x evaluated once.
      next();
      Expr otherwise = conditional();
      return sema.elvis(cond, otherwise, p);
    }
    Expr then = expression();
    expect(":");
    Expr otherwise = conditional();
    return sema.conditional(cond, then, otherwise, p);
  }

  // binary = cast (binary-op cast)*, by precedence climbing over || && | ^ & == != < > <= >= << >> + - * / %
  private Expr binary(int minPrecedence) {
    Expr left = cast();
    while (true) {
      Token op = peek();
      Integer prec = op.kind() == TokenKind.PUNCT ? PRECEDENCE.get(op.text()) : null;
      if (prec == null || prec < minPrecedence) return left;
      next();
      Expr right = binary(prec + 1);
      left = sema.binary(op.text(), left, right, op.pos());
    }
  }

  // cast = "(" type-name ")" cast | "(" type-name ")" "{" initializer-list "}" postfix-tail | unary
  private Expr cast() {
    if (is("(") && startsTypeAt(1)) {
      Token open = next();
      Type t = typeName();
      int enumNumber = lastTypeNameEnum;
      expect(")");
      if (is("{")) {
        InitSyntax init = initializer();
        Expr lit = sema.compoundLiteral(t, (InitSyntax.Braced) init, open.pos());
        return postfixTail(lit);
      }
      Expr operand = cast();
      Expr cast = sema.cast(t, operand, open.pos());
      if (enumNumber != 0) enumCasts.put(cast, enumNumber);
      return cast;
    }
    return unary();
  }

  // unary = ("++" | "--") unary | ("&" | "*" | "+" | "-" | "~" | "!") cast
  //       | "sizeof" unary | "sizeof" "(" type-name ")" | "_Alignof" "(" type-name ")" | postfix
  private Expr unary() {
    Token t = peek();
    if (t.kind() == TokenKind.PUNCT) {
      switch (t.text()) {
        case "++", "--" -> {
          next();
          return sema.incDec(unary(), t.is("++"), true, t.pos());
        }
        case "&" -> {
          next();
          return sema.addressOf(cast(), t.pos());
        }
        case "*" -> {
          next();
          return sema.deref(cast(), t.pos());
        }
        case "+", "-", "~", "!" -> {
          next();
          return sema.unary(t.text(), cast(), t.pos());
        }
        case "&&" -> {
          next();
          Token label = expectIdentifier("label name");
          return sema.labelAddress(labelName(label.text()), t.pos());
        }
        default -> { }
      }
    }
    if (t.is("sizeof")) {
      next();
      if (is("(") && startsTypeAt(1)) {
        next();
        Type type = typeName();
        expect(")");
        if (is("{")) {
          InitSyntax init = initializer();
          return sema.sizeOf(sema.compoundLiteral(type, (InitSyntax.Braced) init, t.pos()).type(), t.pos());
        }
        return sema.sizeOf(type, t.pos());
      }
      Expr e = unary();
      return sema.sizeOfExpression(e, false, "sizeof", t.pos());
    }
    if (t.is("_Alignof") || t.is("__alignof__") || t.is("__alignof")) {
      next();
      if (is("(") && startsTypeAt(1)) {
        next();
        Type type = typeName();
        expect(")");
        return sema.alignOf(type, t.pos());
      }
      return sema.sizeOfExpression(unary(), true, t.text(), t.pos());
    }
    if (t.is("__extension__")) {
      next();
      return cast();
    }
    if (t.is("__real__") || t.is("__real") || t.is("__imag__") || t.is("__imag")) {
      next();
      return sema.complexPart(cast(), t.text().startsWith("__imag"), t.pos());
    }
    return postfix();
  }

  // postfix = primary ("[" expression "]" | "(" arguments ")" | "." ident | "->" ident | "++" | "--")*
  private Expr postfix() {
    return postfixTail(primary());
  }

  private Expr postfixTail(Expr e) {
    while (true) {
      Token t = peek();
      if (t.kind() != TokenKind.PUNCT) return e;
      switch (t.text()) {
        case "[" -> {
          next();
          Expr index = expression();
          expect("]");
          e = sema.subscript(e, index, t.pos());
        }
        case "(" -> {
          next();
          List<Expr> args = arguments();
          e = sema.call(e, args, t.pos());
        }
        case ".", "->" -> {
          next();
          Token name = expectIdentifier("member name");
          e = sema.member(e, name.text(), t.is("->"), name.pos());
        }
        case "++", "--" -> {
          next();
          e = sema.incDec(e, t.is("++"), false, t.pos());
        }
        default -> {
          return e;
        }
      }
    }
  }

  // arguments = (assign ("," assign)*)? ")"
  private List<Expr> arguments() {
    List<Expr> args = new ArrayList<>();
    if (accept(")")) return args;
    do {
      args.add(assignment());
    } while (accept(","));
    expect(")");
    return args;
  }

  // primary = "(" expression ")" | ident | number | character | string+ | builtin
  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        next();
        return sema.integerLiteral(t.text(), t.pos());
      }
      case CHAR -> {
        if (!terminated(t)) throw unexpected("");
        next();
        return sema.charLiteral(t.text(), t.pos());
      }
      case STRING -> {
        StringParts s = stringLiteral();
        return sema.stringLiteral(s.encoding(), s.units(), t.pos());
      }
      case PUNCT -> {
        if (t.is("(")) {
          next();
          if (is("{")) {
            // GNU statement expression: its value is that of its last expression statement.
            SourcePos bp = peek().pos();
            if (!sema.inFunction()) throw diagnostics.fail(bp, "statement expressions are allowed only inside functions");
            sema.beginStatementExpression();
            int errors = diagnostics.errorCount();
            Stmt.Block body;
            try {
              body = compound(true);
            } finally {
              sema.endStatementExpression();
            }
            expect(")");
            return sema.statementExpression(body, diagnostics.errorCount() > errors, t.pos());
          }
          Expr e = expression();
          expect(")");
          return e;
        }
        throw unexpected("expected expression");
      }
      case IDENT -> {
        return identifierExpression(t);
      }
      default -> throw unexpected("expected expression");
    }
  }

  private Expr identifierExpression(Token t) {
    switch (t.text()) {
      case "__builtin_va_start" -> {
        next();
        expect("(");
        Expr list = assignment();
        if (accept(",")) assignment();
        expect(")");
        return sema.vaStart(list, t.pos());
      }
      case "__builtin_va_arg" -> {
        next();
        expect("(");
        Expr list = assignment();
        expect(",");
        Type type = typeName();
        expect(")");
        return sema.vaArg(list, type, t.pos());
      }
      case "__builtin_va_end" -> {
        next();
        expect("(");
        Expr list = assignment();
        expect(")");
        return sema.cast(VoidType.VOID, list, t.pos());
      }
      case "__builtin_va_copy" -> {
        next();
        expect("(");
        Expr dest = assignment();
        expect(",");
        Expr src = assignment();
        expect(")");
        return sema.assign(dest, src, t.pos());
      }
      case "__builtin_offsetof" -> {
        next();
        expect("(");
        Type type = typeName();
        expect(",");
        List<InitSyntax.Designator> path = new ArrayList<>();
        Token first = expectIdentifier("member name");
        path.add(new InitSyntax.Designator(first.pos(), first.text(), 0));
        while (is(".") || is("[")) {
          Token d = next();
          if (d.is(".")) {
            Token name = expectIdentifier("member name");
            path.add(new InitSyntax.Designator(name.pos(), name.text(), 0));
          } else {
            Long v = sema.requireConstant(expression(), "array index in offsetof");
            expect("]");
            path.add(new InitSyntax.Designator(d.pos(), null, v == null ? 0 : v));
          }
        }
        expect(")");
        return sema.offsetOf(type, path, t.pos());
      }
      case "_Generic" -> {
        return genericSelection();
      }
      default -> { }
    }
    if (!isIdentifier(t)) throw unexpected("expected expression");
    next();
    if (Sema.isBuiltin(t.text()) && is("(") && !sema.isDeclared(t.text())) {
      next();
      List<Expr> args = arguments();
      return sema.builtinCall(t.text(), args, t.pos());
    }
    return sema.identifier(t.text(), t.pos(), is("("));
  }

  // generic-selection = "_Generic" "(" assign ("," (type-name | "default") ":" assign)+ ")"
  private Expr genericSelection() {
    SourcePos keyword = next().pos();
    expect("(");
    SourcePos controlPos = peek().pos();
    Expr control = assignment();
    List<Sema.Association> associations = new ArrayList<>();
    expect(",");
    do {
      SourcePos at = peek().pos();
      int start = pos;
      Type type = accept("default") ? null : typeName();
      int qualifiers = type == null ? 0 : topQualifiers(start, pos) | lastTypeNameEnum << PointerType.ENUM_SHIFT;
      expect(":");
      associations.add(new Sema.Association(at, type, qualifiers, assignment()));
    } while (accept(","));
    expect(")");
    return sema.genericSelection(control, enumOf(control), controlPos, associations, keyword);
  }

  /**
   * The number of the enum type an expression has (0: none or not known). Our enum types are
   * their underlying integer types, so it is found where it was written: an object's or a
   * parameter's declaration, a cast, the pointer an lvalue is read through; an assignment has
   * its target's type. Members, function results and array elements are not followed.
   */
  private int enumOf(Expr e) {
    if (e instanceof Expr.VarRef v) return v.symbol().enumNumber();
    if (e instanceof Expr.Deref d && d.pointer().type() instanceof PointerType p) return PointerType.enumOf(p.qualifiers());
    if (e instanceof Expr.Assign a) return enumOf(a.target());
    if (e instanceof Expr.CompoundAssign a) return enumOf(a.target());
    if (e instanceof Expr.IncDec i) return enumOf(i.target());
    if (e instanceof Expr.Comma c) return enumOf(c.right());
    return enumCasts.getOrDefault(e, 0);
  }

  /**
   * The qualifiers (bits: const 1, volatile 2, restrict 4) at the top of the type name in
   * tokens [from, to): those of the declaration specifiers when no {@code *} follows, else
   * those after the last {@code *}. Our types do not carry qualifiers, and a qualified
   * association matches no controlling expression, so _Generic needs them. A declarator with
   * parentheses or brackets, or a typedef name for a qualified type, counts as unqualified.
   */
  private int topQualifiers(int from, int to) {
    int qualifiers = 0;
    int depth = 0;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("{")) depth++;
      if (t.is("}")) depth--;
      if (depth > 0) continue;
      if (t.is("(") || t.is("[")) return 0;
      if (t.is("*")) qualifiers = 0;
      if (t.is("const") || t.is("__const") || t.is("__const__")) qualifiers |= 1;
      if (t.is("volatile") || t.is("__volatile") || t.is("__volatile__")) qualifiers |= 2;
      if (t.is("restrict") || t.is("__restrict") || t.is("__restrict__")) qualifiers |= 4;
    }
    return qualifiers;
  }

  /**
   * Adjacent string literals, concatenated (translation phase 6): with an encoding prefix
   * among them, every one is decoded in that encoding (C11 6.4.5); two different prefixes
   * are an error, as in GCC (u8 and none are both plain char strings).
   */
  private StringParts stringLiteral() {
    if (peek().kind() != TokenKind.STRING) throw unexpected("expected string literal");
    List<Token> parts = new ArrayList<>();
    Literals.Encoding enc = Literals.Encoding.PLAIN;
    while (peek().kind() == TokenKind.STRING) {
      Token s = next();
      parts.add(s);
      Literals.Encoding e = Literals.Encoding.of(s.text());
      if (e.wide() && enc.wide() && e != enc) {
        throw diagnostics.fail(s.pos(), "unsupported non-standard concatenation of string literals");
      }
      if (e.wide()) enc = e;
    }
    List<int[]> units = new ArrayList<>();
    for (Token s : parts) {
      try {
        units.add(Literals.stringUnits(s.text(), enc));
      } catch (IllegalArgumentException e) {
        throw diagnostics.fail(s.pos(), e.getMessage());
      }
    }
    return new StringParts(enc, units.stream().flatMapToInt(java.util.Arrays::stream).toArray());
  }

  private record StringParts(Literals.Encoding encoding, int[] units) {}
}
