package dev.wasmformer.c.preprocess;

import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.lex.Literals;
import dev.wasmformer.c.lex.Token;
import dev.wasmformer.c.lex.TokenKind;
import java.util.List;

/**
 * Evaluates the controlling expression of {@code #if}/{@code #elif} after macro expansion,
 * in intmax_t/uintmax_t (64-bit) arithmetic as C99 6.10.1 requires.
 */
final class ConditionEvaluator {
  /** A value with the signedness that decides how it divides, shifts and compares. */
  private record Value(long v, boolean unsigned) {}

  private final List<Token> tokens;
  private final Token directive;
  private final Diagnostics diagnostics;
  private int pos;

  ConditionEvaluator(List<Token> tokens, Token directive, Diagnostics diagnostics) {
    this.tokens = tokens;
    this.directive = directive;
    this.diagnostics = diagnostics;
  }

  long evaluate() {
    Value v = conditional(true);
    if (pos < tokens.size()) {
      throw diagnostics.fail(tokens.get(pos).pos(), "token \"" + tokens.get(pos).text()
          + "\" is not valid in preprocessor expressions");
    }
    return v.v;
  }

  private Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private boolean accept(String op) {
    Token t = peek();
    if (t != null && t.kind() == TokenKind.PUNCT && t.text().equals(op)) {
      pos++;
      return true;
    }
    return false;
  }

  // Unevaluated operands (the untaken side of && || ?:) must not report division by zero.
  private Value conditional(boolean live) {
    Value c = binary(0, live);
    if (accept("?")) {
      Value a = conditional(live && c.v != 0);
      expect(":");
      Value b = conditional(live && c.v == 0);
      boolean u = a.unsigned || b.unsigned;
      return new Value(c.v != 0 ? a.v : b.v, u);
    }
    if (accept(",")) return conditional(live);
    return c;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"},
    {"+", "-"}, {"*", "/", "%"}
  };

  private Value binary(int level, boolean live) {
    if (level == LEVELS.length) return unary(live);
    Value left = binary(level + 1, live);
    while (true) {
      String op = null;
      for (String candidate : LEVELS[level]) {
        if (accept(candidate)) {
          op = candidate;
          break;
        }
      }
      if (op == null) return left;
      Token opToken = tokens.get(pos - 1);
      boolean rightLive = live && !(op.equals("&&") && left.v == 0) && !(op.equals("||") && left.v != 0);
      Value right = binary(level + 1, rightLive);
      left = apply(op, left, right, rightLive, opToken);
    }
  }

  private Value apply(String op, Value a, Value b, boolean live, Token at) {
    boolean u = a.unsigned || b.unsigned;
    long x = a.v, y = b.v;
    return switch (op) {
      case "||" -> new Value(x != 0 || y != 0 ? 1 : 0, false);
      case "&&" -> new Value(x != 0 && y != 0 ? 1 : 0, false);
      case "|" -> new Value(x | y, u);
      case "^" -> new Value(x ^ y, u);
      case "&" -> new Value(x & y, u);
      case "==" -> new Value(x == y ? 1 : 0, false);
      case "!=" -> new Value(x != y ? 1 : 0, false);
      case "<" -> new Value((u ? Long.compareUnsigned(x, y) : Long.compare(x, y)) < 0 ? 1 : 0, false);
      case ">" -> new Value((u ? Long.compareUnsigned(x, y) : Long.compare(x, y)) > 0 ? 1 : 0, false);
      case "<=" -> new Value((u ? Long.compareUnsigned(x, y) : Long.compare(x, y)) <= 0 ? 1 : 0, false);
      case ">=" -> new Value((u ? Long.compareUnsigned(x, y) : Long.compare(x, y)) >= 0 ? 1 : 0, false);
      case "<<" -> new Value(x << y, a.unsigned);
      case ">>" -> new Value(a.unsigned ? x >>> y : x >> y, a.unsigned);
      case "+" -> new Value(x + y, u);
      case "-" -> new Value(x - y, u);
      case "*" -> new Value(x * y, u);
      default -> {
        if (y == 0) {
          if (live) throw diagnostics.fail(at.pos(), "division by zero in preprocessor expression");
          yield new Value(0, u);
        }
        long r = op.equals("/")
            ? (u ? Long.divideUnsigned(x, y) : x / y)
            : (u ? Long.remainderUnsigned(x, y) : x % y);
        yield new Value(r, u);
      }
    };
  }

  private Value unary(boolean live) {
    if (accept("+")) return unary(live);
    if (accept("-")) {
      Value v = unary(live);
      return new Value(-v.v, v.unsigned);
    }
    if (accept("~")) {
      Value v = unary(live);
      return new Value(~v.v, v.unsigned);
    }
    if (accept("!")) return new Value(unary(live).v == 0 ? 1 : 0, false);
    if (accept("(")) {
      Value v = conditional(live);
      expect(")");
      return v;
    }
    Token t = peek();
    if (t == null) throw diagnostics.fail(directive.pos(), "expected value in expression");
    pos++;
    try {
      if (t.kind() == TokenKind.NUMBER) {
        if (Literals.isFloating(t.text())) {
          throw diagnostics.fail(t.pos(), "floating constant in preprocessor expression");
        }
        Literals.IntegerConstant c = Literals.integer(t.text());
        return new Value(c.value(), c.unsignedSuffix() || c.value() < 0);
      }
      if (t.kind() == TokenKind.CHAR) return new Value(Literals.character(t.text()), false);
    } catch (IllegalArgumentException e) {
      throw diagnostics.fail(t.pos(), e.getMessage());
    }
    throw diagnostics.fail(t.pos(), "token \"" + t.text() + "\" is not valid in preprocessor expressions");
  }

  private void expect(String op) {
    if (!accept(op)) {
      Token t = peek();
      throw diagnostics.fail(t == null ? directive.pos() : t.pos(), "expected '" + op + "' in preprocessor expression");
    }
  }
}
