package dev.wasmformer.c.preprocess;

import dev.wasmformer.c.CompileError;
import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.c.lex.Lexer;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.lex.Token;
import dev.wasmformer.c.lex.TokenKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a translation unit: directives, conditional groups, includes and macros
 * (translation phase 4). Macro replacement follows Prosser's algorithm: every token carries
 * the set of macros whose expansion produced it, and a macro never expands inside its own
 * expansion. Tokens that come out of a macro take the position of the macro's use, so a
 * diagnostic inside an expansion points at the line the programmer wrote.
 */
public final class Preprocessor {
  private static final int MAX_INCLUDE_DEPTH = 200;

  private final Diagnostics diagnostics;
  private final IncludeResolver resolver;
  private final Map<String, Macro> macros = new LinkedHashMap<>();
  private final Set<String> pragmaOnce = new HashSet<>();
  /** The tokens a directive passes on to the parser (a {@code #pragma pack}'s). */
  private final List<Token> pragmaTokens = new ArrayList<>();
  /**
   * The identifier that stands for {@code #pragma pack} in the token stream: no program can
   * spell it (it is not a valid identifier).
   */
  public static final String PRAGMA_PACK = "#pragma pack";
  /** Per file, what its last #line said: __LINE__ and __FILE__ follow it (diagnostics keep the real place). */
  private final Map<String, LineMapping> lineMappings = new HashMap<>();

  /** After a #line: the file's physical line L is numbered L + delta, and the file is called name. */
  private record LineMapping(int delta, String name) {}
  private final Deque<Token> input = new ArrayDeque<>();
  private final List<Conditional> conditionals = new ArrayList<>();
  private int includeDepth;
  private int counter;

  /** An open #if group: whether one of its branches has been taken, and where it began. */
  private static final class Conditional {
    final SourcePos pos;
    final int includeDepth;
    boolean taken;
    boolean sawElse;

    Conditional(SourcePos pos, int includeDepth, boolean taken) {
      this.pos = pos;
      this.includeDepth = includeDepth;
      this.taken = taken;
    }
  }

  /**
   * @param defines predefined object-like macros (name to replacement text), in addition to
   *     the target's own ({@code __STDC__}, {@code __wasm32__}, ...)
   */
  public Preprocessor(Diagnostics diagnostics, IncludeResolver resolver, Map<String, String> defines) {
    this.diagnostics = diagnostics;
    this.resolver = resolver;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("__STDC__", "1");
    all.put("__STDC_VERSION__", "199901L");
    all.put("__STDC_HOSTED__", "1");
    all.put("__wasm__", "1");
    all.put("__wasm32__", "1");
    all.put("__wasm32", "1");
    all.put("__wasmformer__", "1");
    all.put("__ILP32__", "1");
    all.put("__CHAR_BIT__", "8");
    all.put("__SIZEOF_SHORT__", "2");
    all.put("__SIZEOF_INT__", "4");
    all.put("__SIZEOF_LONG__", "4");
    all.put("__SIZEOF_LONG_LONG__", "8");
    all.put("__SIZEOF_POINTER__", "4");
    all.put("__SIZEOF_SIZE_T__", "4");
    all.put("__ORDER_LITTLE_ENDIAN__", "1234");
    all.put("__ORDER_BIG_ENDIAN__", "4321");
    all.put("__BYTE_ORDER__", "__ORDER_LITTLE_ENDIAN__");
    all.put("__INT_MAX__", "2147483647");
    all.put("__LONG_MAX__", "2147483647L");
    all.put("__LONG_LONG_MAX__", "9223372036854775807LL");
    // the memory orders of gcc's __atomic builtins, with gcc's values
    all.put("__ATOMIC_RELAXED", "0");
    all.put("__ATOMIC_CONSUME", "1");
    all.put("__ATOMIC_ACQUIRE", "2");
    all.put("__ATOMIC_RELEASE", "3");
    all.put("__ATOMIC_ACQ_REL", "4");
    all.put("__ATOMIC_SEQ_CST", "5");
    // as gcc's and clang's: every atomic type is lock-free, and test-and-set's "set" is 1
    for (String t : List.of("BOOL", "CHAR", "CHAR16_T", "CHAR32_T", "WCHAR_T", "SHORT", "INT", "LONG", "LLONG",
        "POINTER")) {
      all.put("__GCC_ATOMIC_" + t + "_LOCK_FREE", "2");
    }
    all.put("__GCC_ATOMIC_TEST_AND_SET_TRUEVAL", "1");
    for (int size : new int[] {1, 2, 4, 8}) all.put("__GCC_HAVE_SYNC_COMPARE_AND_SWAP_" + size, "1");
    all.putAll(defines);
    for (Map.Entry<String, String> d : all.entrySet()) {
      SourceFile src = new SourceFile("<built-in>", d.getValue());
      List<Token> body = new ArrayList<>(Lexer.tokenize(src, diagnostics));
      body.remove(body.size() - 1);
      macros.put(d.getKey(), new Macro(d.getKey(), null, false, body, null));
    }
  }

  /** Preprocesses a main file; the result ends with an EOF token. */
  public List<Token> run(SourceFile main) {
    List<Token> out = new ArrayList<>();
    pushFile(main, null);
    while (true) {
      Token t = input.poll();
      if (t.kind() == TokenKind.EOF) {
        closeConditionals(t, 0);
        out.add(t);
        return out;
      }
      if (t.kind() == TokenKind.END_OF_INCLUDE) {
        endOfFile(t);
        continue;
      }
      if (t.atLineStart() && t.is("#") && t.hideset().isEmpty()) {
        try {
          directive(t);
        } catch (CompileError e) {
          skipLine();
        }
        out.addAll(pragmaTokens);
        pragmaTokens.clear();
        continue;
      }
      try {
        if (expand(t, input)) continue;
      } catch (CompileError e) {
        // Reported; a 0 stands in for the failed expansion (most macro uses are expressions),
        // which keeps the parser from reporting the same mistake again.
        out.add(new Token(TokenKind.NUMBER, "0", t.pos(), false, t.spaceBefore()));
        continue;
      }
      out.add(t);
    }
  }

  // ---- files ----

  private void pushFile(SourceFile file, Token includedAt) {
    List<Token> tokens = Lexer.tokenize(file, diagnostics);
    Token eof = tokens.get(tokens.size() - 1);
    if (includedAt != null) {
      includeDepth++;
      tokens.set(tokens.size() - 1, new Token(TokenKind.END_OF_INCLUDE, "", eof.pos(), true, false));
    }
    for (int i = tokens.size() - 1; i >= 0; i--) input.addFirst(tokens.get(i));
  }

  private void endOfFile(Token marker) {
    closeConditionals(marker, includeDepth);
    includeDepth--;
  }

  private void closeConditionals(Token at, int depth) {
    while (!conditionals.isEmpty() && conditionals.get(conditionals.size() - 1).includeDepth == depth) {
      Conditional c = conditionals.remove(conditionals.size() - 1);
      diagnostics.error(c.pos, "unterminated conditional directive");
    }
  }

  // ---- directives ----

  private void directive(Token hash) {
    Token name = input.peek();
    if (name.atLineStart() || name.kind() == TokenKind.EOF || name.kind() == TokenKind.END_OF_INCLUDE) {
      return; // the null directive
    }
    input.poll();
    switch (name.text()) {
      case "define" -> define();
      case "undef" -> {
        Token id = expectIdent(name, "macro name");
        macros.remove(id.text());
        endOfDirective(name);
      }
      case "include" -> include(name);
      case "if" -> {
        boolean value = evaluate(name, readLine());
        openConditional(name, value);
      }
      case "ifdef", "ifndef" -> {
        Token id = expectIdent(name, "macro name");
        endOfDirective(name);
        boolean defined = isDefined(id.text());
        openConditional(name, name.text().equals("ifdef") == defined);
      }
      case "elif" -> elif(name);
      case "else" -> {
        Conditional c = currentConditional(name);
        if (c.sawElse) diagnostics.error(name.pos(), "#else after #else");
        c.sawElse = true;
        endOfDirective(name);
        if (c.taken) {
          skipGroup();
        } else {
          c.taken = true;
        }
      }
      case "endif" -> {
        currentConditional(name);
        conditionals.remove(conditionals.size() - 1);
        endOfDirective(name);
      }
      case "error" -> {
        List<Token> line = readLine();
        diagnostics.error(name.pos(), "#error " + spell(line));
      }
      case "warning" -> {
        List<Token> line = readLine();
        diagnostics.warning(name.pos(), "#warning " + spell(line));
      }
      case "pragma" -> {
        List<Token> line = readLine();
        if (line.size() == 1 && line.get(0).is("once")) pragmaOnce.add(name.pos().file().path());
        if (!line.isEmpty() && line.get(0).is("pack")) {
          // for the parser, which lays out the structs after it: PRAGMA_PACK ( ... )
          pragmaTokens.add(new Token(TokenKind.IDENT, PRAGMA_PACK, line.get(0).pos(), false, true));
          pragmaTokens.addAll(line.subList(1, line.size()));
        }
      }
      case "line" -> lineDirective(name, expandList(readLine()));
      default -> {
        if (name.kind() == TokenKind.NUMBER) {
          readLine(); // a GNU line marker, as cpp writes them
        } else {
          throw diagnostics.fail(name.pos(), "invalid preprocessing directive #" + name.text());
        }
      }
    }
  }

  private boolean isDefined(String name) {
    return macros.containsKey(name) || isBuiltin(name);
  }

  private static boolean isBuiltin(String name) {
    return name.equals("__FILE__") || name.equals("__LINE__") || name.equals("__COUNTER__");
  }

  private void openConditional(Token at, boolean value) {
    conditionals.add(new Conditional(at.pos(), includeDepth, value));
    if (!value) skipGroup();
  }

  private void elif(Token name) {
    Conditional c = currentConditional(name);
    if (c.sawElse) diagnostics.error(name.pos(), "#elif after #else");
    if (c.taken) {
      readLine();
      skipGroup();
    } else if (evaluate(name, readLine())) {
      c.taken = true;
    } else {
      skipGroup();
    }
  }

  private Conditional currentConditional(Token at) {
    if (conditionals.isEmpty() || conditionals.get(conditionals.size() - 1).includeDepth != includeDepth) {
      throw diagnostics.fail(at.pos(), "#" + at.text() + " without #if");
    }
    return conditionals.get(conditionals.size() - 1);
  }

  /**
   * Skips a group whose condition is false, up to the #elif, #else or #endif that belongs to
   * it; that directive is left in the input for the main loop.
   */
  private void skipGroup() {
    int depth = 0;
    while (true) {
      Token t = input.peek();
      if (t.kind() == TokenKind.EOF || t.kind() == TokenKind.END_OF_INCLUDE) return;
      input.poll();
      if (!(t.atLineStart() && t.is("#"))) continue;
      Token name = input.peek();
      if (name.atLineStart()) continue;
      switch (name.text()) {
        case "if", "ifdef", "ifndef" -> depth++;
        case "endif" -> {
          if (depth == 0) {
            input.addFirst(t);
            return;
          }
          depth--;
        }
        case "elif", "else" -> {
          if (depth == 0) {
            input.addFirst(t);
            return;
          }
        }
        default -> { }
      }
    }
  }

  private void define() {
    Token id = input.peek();
    if (id.atLineStart() || !id.isIdent()) {
      throw diagnostics.fail(id.pos(), "macro name must be an identifier");
    }
    input.poll();
    if (id.text().equals("defined")) throw diagnostics.fail(id.pos(), "\"defined\" cannot be used as a macro name");
    List<String> params = null;
    boolean variadic = false;
    Token open = input.peek();
    if (open.is("(") && !open.spaceBefore() && !open.atLineStart()) {
      input.poll();
      params = new ArrayList<>();
      Token first = input.peek();
      if (!first.is(")") || first.atLineStart()) {
        while (true) {
          Token p = nextOnLine();
          if (p.is("...")) {
            variadic = true;
            params.add("__VA_ARGS__");
            if (!nextOnLine().is(")")) throw diagnostics.fail(p.pos(), "expected ')' after '...'");
            break;
          }
          if (!p.isIdent()) throw diagnostics.fail(p.pos(), "expected a parameter name");
          if (params.contains(p.text())) throw diagnostics.fail(p.pos(), "duplicate macro parameter '" + p.text() + "'");
          params.add(p.text());
          Token sep = nextOnLine();
          if (sep.is(")")) break;
          if (!sep.is(",")) throw diagnostics.fail(sep.pos(), "expected ',' or ')' in macro parameter list");
        }
      } else {
        input.poll();
      }
    }
    List<Token> body = readLine();
    if (!body.isEmpty()) body.set(0, body.get(0).withLayout(false, false));
    checkPasteOperators(body);
    if (params != null) {
      for (int i = 0; i < body.size(); i++) {
        if (body.get(i).is("#") && (i + 1 >= body.size() || !params.contains(body.get(i + 1).text()))) {
          throw diagnostics.fail(body.get(i).pos(), "'#' is not followed by a macro parameter");
        }
      }
    }
    Macro m = new Macro(id.text(), params, variadic, body, id.pos());
    Macro old = macros.get(id.text());
    if (old != null && !old.sameAs(m)) {
      diagnostics.warning(id.pos(), "'" + id.text() + "' macro redefined");
    }
    macros.put(id.text(), m);
  }

  private void checkPasteOperators(List<Token> body) {
    if (body.isEmpty()) return;
    if (body.get(0).is("##")) {
      throw diagnostics.fail(body.get(0).pos(), "'##' cannot appear at either end of a macro expansion");
    }
    if (body.get(body.size() - 1).is("##")) {
      throw diagnostics.fail(body.get(body.size() - 1).pos(), "'##' cannot appear at either end of a macro expansion");
    }
  }

  private void include(Token directive) {
    List<Token> line = readLine();
    if (line.isEmpty()) throw diagnostics.fail(directive.pos(), "#include expects \"FILENAME\" or <FILENAME>");
    if (line.get(0).kind() != TokenKind.STRING && !line.get(0).is("<")) {
      line = expandList(line);
    }
    if (line.isEmpty()) throw diagnostics.fail(directive.pos(), "#include expects \"FILENAME\" or <FILENAME>");
    Token first = line.get(0);
    String name;
    boolean quoted;
    if (first.kind() == TokenKind.STRING && first.text().startsWith("\"")) {
      name = first.text().substring(1, Math.max(1, first.text().length() - 1));
      quoted = true;
    } else if (first.is("<")) {
      StringBuilder sb = new StringBuilder();
      int i = 1;
      for (; i < line.size() && !line.get(i).is(">"); i++) {
        if (i > 1 && line.get(i).spaceBefore()) sb.append(' ');
        sb.append(line.get(i).text());
      }
      if (i >= line.size()) throw diagnostics.fail(first.pos(), "missing terminating > character");
      name = sb.toString();
      quoted = false;
    } else {
      throw diagnostics.fail(first.pos(), "#include expects \"FILENAME\" or <FILENAME>");
    }
    SourceFile file = resolver.resolve(name, quoted, directive.pos().file());
    if (file == null) throw diagnostics.fail(first.pos(), "'" + name + "' file not found");
    if (pragmaOnce.contains(file.path())) return;
    if (includeDepth >= MAX_INCLUDE_DEPTH) throw diagnostics.fail(first.pos(), "#include nested too deeply");
    pushFile(file, directive);
  }

  private Token expectIdent(Token directive, String what) {
    Token t = input.peek();
    if (t.atLineStart() || !t.isIdent()) {
      throw diagnostics.fail(t.atLineStart() ? directive.pos() : t.pos(), "expected " + what + " after #" + directive.text());
    }
    return input.poll();
  }

  private void endOfDirective(Token directive) {
    List<Token> rest = readLine();
    if (!rest.isEmpty()) {
      diagnostics.warning(rest.get(0).pos(), "extra tokens at end of #" + directive.text() + " directive");
    }
  }

  /** The next token of the current directive line; fails at the line's end. */
  private Token nextOnLine() {
    Token t = input.peek();
    if (t.atLineStart() || t.kind() == TokenKind.EOF || t.kind() == TokenKind.END_OF_INCLUDE) {
      throw diagnostics.fail(t.pos(), "unexpected end of directive");
    }
    return input.poll();
  }

  /** The rest of the current line. */
  private List<Token> readLine() {
    List<Token> line = new ArrayList<>();
    while (true) {
      Token t = input.peek();
      if (t.atLineStart() || t.kind() == TokenKind.EOF || t.kind() == TokenKind.END_OF_INCLUDE) return line;
      line.add(input.poll());
    }
  }

  private void skipLine() {
    readLine();
  }

  private static String spell(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (sb.length() > 0 && t.spaceBefore()) sb.append(' ');
      sb.append(t.text());
    }
    return sb.toString();
  }

  // ---- #if expressions ----

  private boolean evaluate(Token directive, List<Token> line) {
    if (line.isEmpty()) throw diagnostics.fail(directive.pos(), "#" + directive.text() + " with no expression");
    List<Token> replaced = new ArrayList<>();
    for (int i = 0; i < line.size(); i++) {
      Token t = line.get(i);
      if (t.is("defined")) {
        boolean paren = i + 1 < line.size() && line.get(i + 1).is("(");
        int nameIndex = i + (paren ? 2 : 1);
        if (nameIndex >= line.size() || !line.get(nameIndex).isIdent()) {
          throw diagnostics.fail(t.pos(), "macro name missing after 'defined'");
        }
        if (paren && (nameIndex + 1 >= line.size() || !line.get(nameIndex + 1).is(")"))) {
          throw diagnostics.fail(t.pos(), "missing ')' after 'defined'");
        }
        String value = isDefined(line.get(nameIndex).text()) ? "1" : "0";
        replaced.add(new Token(TokenKind.NUMBER, value, t.pos(), false, t.spaceBefore()));
        i = nameIndex + (paren ? 1 : 0);
      } else {
        replaced.add(t);
      }
    }
    List<Token> expanded = expandList(replaced);
    List<Token> tokens = new ArrayList<>();
    for (Token t : expanded) {
      tokens.add(t.isIdent() ? new Token(TokenKind.NUMBER, "0", t.pos(), false, t.spaceBefore()) : t);
    }
    return new ConditionEvaluator(tokens, directive, diagnostics).evaluate() != 0;
  }

  // ---- macro expansion ----

  /**
   * If {@code t} names a macro that applies here, pushes its expansion onto the front of
   * {@code in} for rescanning and returns true.
   */
  private boolean expand(Token t, Deque<Token> in) {
    if (!t.isIdent() || t.hideset().contains(t.text())) return false;
    if (isBuiltin(t.text()) && !macros.containsKey(t.text())) {
      in.addFirst(builtin(t));
      return true;
    }
    Macro m = macros.get(t.text());
    if (m == null) return false;
    if (!m.functionLike()) {
      Set<String> hs = union(t.hideset(), Set.of(m.name()));
      pushExpansion(in, m.body(), hs, t);
      return true;
    }
    Token open = in.peek();
    if (open == null || !open.is("(")) return false;
    in.poll();
    List<List<Token>> args = new ArrayList<>();
    Token close = collectArguments(m, t, in, args);
    Set<String> hs = union(intersection(t.hideset(), close.hideset()), Set.of(m.name()));
    pushExpansion(in, substitute(m, args, t), hs, t);
    return true;
  }

  private void pushExpansion(Deque<Token> in, List<Token> body, Set<String> hideset, Token use) {
    for (int i = body.size() - 1; i >= 0; i--) {
      Token b = body.get(i);
      boolean space = i == 0 ? use.spaceBefore() : b.spaceBefore();
      in.addFirst(new Token(b.kind(), b.text(), use.pos(), false, space, union(b.hideset(), hideset)));
    }
  }

  // #line digit-sequence ["s-char-sequence"], after macro expansion
  private void lineDirective(Token directive, List<Token> line) {
    boolean numbered = !line.isEmpty() && line.get(0).kind() == TokenKind.NUMBER && line.get(0).text().matches("[0-9]+");
    boolean named = line.size() == 2 && line.get(1).kind() == TokenKind.STRING && line.get(1).text().startsWith("\"");
    if (!numbered || line.size() > 2 || (line.size() == 2 && !named)) {
      throw diagnostics.fail(directive.pos(), "#line expects a line number and an optional file name in quotes");
    }
    String path = directive.pos().file().path();
    LineMapping old = lineMappings.get(path);
    String file = named ? unquote(line.get(1).text()) : old != null ? old.name() : path;
    int next = (int) Math.min(Long.parseLong(line.get(0).text()), Integer.MAX_VALUE);
    lineMappings.put(path, new LineMapping(next - (directive.pos().line() + 1), file));
  }

  private static String unquote(String literal) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) c = literal.charAt(++i);
      sb.append(c);
    }
    return sb.toString();
  }

  private Token builtin(Token t) {
    LineMapping mapping = lineMappings.get(t.pos().file().path());
    return switch (t.text()) {
      case "__FILE__" -> new Token(TokenKind.STRING, quote(mapping != null ? mapping.name() : t.pos().file().path()),
          t.pos(), false, t.spaceBefore(), t.hideset());
      case "__LINE__" -> new Token(TokenKind.NUMBER,
          Integer.toString(t.pos().line() + (mapping != null ? mapping.delta() : 0)), t.pos(), false,
          t.spaceBefore(), t.hideset());
      default -> new Token(TokenKind.NUMBER, Integer.toString(counter++), t.pos(), false,
          t.spaceBefore(), t.hideset());
    };
  }

  /** Reads the arguments of a function-like macro use up to its ')', which is returned. */
  private Token collectArguments(Macro m, Token use, Deque<Token> in, List<List<Token>> args) {
    List<Token> current = new ArrayList<>();
    Token close;
    int depth = 0;
    int named = m.params().size() - (m.variadic() ? 1 : 0);
    while (true) {
      Token t = in.peek();
      if (t == null || t.kind() == TokenKind.EOF || t.kind() == TokenKind.END_OF_INCLUDE) {
        throw diagnostics.fail(use.pos(), "unterminated argument list invoking macro '" + m.name() + "'");
      }
      in.poll();
      if (t.atLineStart() && t.is("#") && t.hideset().isEmpty()) {
        throw diagnostics.fail(t.pos(), "directive inside the arguments of macro '" + m.name() + "'");
      }
      if (depth == 0 && t.is(")")) {
        close = t;
        args.add(current);
        break;
      }
      if (depth == 0 && t.is(",") && !(m.variadic() && args.size() >= named)) {
        args.add(current);
        current = new ArrayList<>();
        continue;
      }
      if (t.is("(")) depth++;
      if (t.is(")")) depth--;
      current.add(t);
      if (current.size() == 1) current.set(0, t.withLayout(false, false));
    }
    if (m.params().isEmpty() && args.size() == 1 && args.get(0).isEmpty()) {
      args.clear();
    }
    if (m.variadic() && args.size() == named) {
      args.add(new ArrayList<>()); // F(a) for F(x, ...): empty variable arguments
    }
    if (args.size() != m.params().size()) {
      throw diagnostics.fail(use.pos(), "macro '" + m.name() + "' requires " + m.params().size()
          + " argument" + (m.params().size() == 1 ? "" : "s") + ", but " + args.size() + " given");
    }
    return close;
  }

  private List<Token> substitute(Macro m, List<List<Token>> args, Token use) {
    Map<String, List<Token>> raw = new HashMap<>();
    for (int i = 0; i < m.params().size(); i++) raw.put(m.params().get(i), args.get(i));
    Map<String, List<Token>> expanded = new HashMap<>();
    List<Token> body = m.body();
    List<Token> out = new ArrayList<>();
    boolean leftEmpty = false; // the operand left of a pending ## expanded to nothing
    for (int k = 0; k < body.size(); k++) {
      Token tok = body.get(k);
      if (tok.is("#") && k + 1 < body.size() && raw.containsKey(body.get(k + 1).text())) {
        out.add(stringize(raw.get(body.get(k + 1).text()), tok));
        k++;
        continue;
      }
      if (tok.is("##") && k + 1 < body.size()) {
        Token rhsTok = body.get(++k);
        boolean rhsIsParam = raw.containsKey(rhsTok.text()) && rhsTok.isIdent();
        List<Token> rhs = rhsIsParam ? raw.get(rhsTok.text()) : List.of(rhsTok);
        if (rhsIsParam && m.variadic() && rhsTok.text().equals("__VA_ARGS__")
            && !out.isEmpty() && out.get(out.size() - 1).is(",") && !leftEmpty) {
          // GNU extension: ", ## __VA_ARGS__" drops the comma when there are no variable arguments.
          if (rhs.isEmpty()) out.remove(out.size() - 1);
          else out.addAll(rhs);
          continue;
        }
        if (leftEmpty || out.isEmpty()) {
          out.addAll(rhs);
        } else if (!rhs.isEmpty()) {
          Token lhs = out.remove(out.size() - 1);
          out.add(paste(lhs, rhs.get(0), use));
          out.addAll(rhs.subList(1, rhs.size()));
        }
        leftEmpty = rhs.isEmpty() && leftEmpty;
        continue;
      }
      if (tok.isIdent() && raw.containsKey(tok.text())) {
        boolean beforePaste = k + 1 < body.size() && body.get(k + 1).is("##");
        List<Token> arg = beforePaste ? raw.get(tok.text())
            : expanded.computeIfAbsent(tok.text(), p -> expandList(raw.get(p)));
        for (int i = 0; i < arg.size(); i++) {
          out.add(i == 0 ? arg.get(i).withLayout(false, tok.spaceBefore()) : arg.get(i));
        }
        leftEmpty = beforePaste && arg.isEmpty();
        continue;
      }
      out.add(tok);
      leftEmpty = false;
    }
    return out;
  }

  private Token paste(Token lhs, Token rhs, Token use) {
    String text = lhs.text() + rhs.text();
    Diagnostics scratch = new Diagnostics();
    List<Token> tokens = Lexer.tokenize(new SourceFile(use.pos().file().path(), text), scratch);
    if (tokens.size() != 2 || scratch.hasErrors()) {
      throw diagnostics.fail(use.pos(), "pasting \"" + lhs.text() + "\" and \"" + rhs.text()
          + "\" does not give a valid preprocessing token");
    }
    Token t = tokens.get(0);
    return new Token(t.kind(), t.text(), lhs.pos(), false, lhs.spaceBefore(), lhs.hideset());
  }

  private static Token stringize(List<Token> arg, Token at) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < arg.size(); i++) {
      Token t = arg.get(i);
      if (i > 0 && t.spaceBefore()) sb.append(' ');
      sb.append(t.text());
    }
    return new Token(TokenKind.STRING, quote(sb.toString()), at.pos(), false, at.spaceBefore());
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\');
      if (c == '\n') {
        sb.append("\\n");
        continue;
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** Fully macro-expands a token list on its own (a macro argument, an #if line). */
  private List<Token> expandList(List<Token> tokens) {
    Deque<Token> in = new ArrayDeque<>(tokens);
    List<Token> out = new ArrayList<>();
    while (!in.isEmpty()) {
      Token t = in.poll();
      if (!expand(t, in)) out.add(t);
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return Set.of();
    Set<String> s = new HashSet<>(a);
    s.retainAll(b);
    return Set.copyOf(s);
  }
}
