package dev.wasmformer.graph;

/**
 * Exact integer helpers built from ReGLU units. Each method states the value ranges it is
 * exact for; the bound {@code m} arguments must exceed the magnitude of what they gate.
 */
public final class Gates {
  private final Graph g;

  public Gates(Graph g) {
    this.g = g;
  }

  /**
   * Whether some flag is the constant 0, so that a gated helper is 0 whatever the rest (a
   * specialized interpreter has such flags for the opcodes its program never uses): the
   * helper then builds no units.
   */
  private static boolean off(Expr... flags) {
    for (Expr f : flags) if (f.isConstant() && f.constant() == 0) return true;
    return false;
  }

  /** {@code [x >= c]} for integer x: two units. */
  public Expr atLeast(String name, Expr x, double c) {
    return g.relu(name + ".a", x.minus(c - 1)).minus(g.relu(name + ".b", x.minus(c)));
  }

  /** {@code [x == c]} for integer x: three units. */
  public Expr equal(String name, Expr x, double c) {
    return g.relu(name + ".a", x.minus(c - 1))
        .minus(g.relu(name + ".b", x.minus(c)).times(2))
        .plus(g.relu(name + ".c", x.minus(c + 1)));
  }

  /** AND of 0/1 flags: one unit. */
  public Expr and(String name, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    Expr sum = Expr.ZERO;
    for (Expr f : flags) sum = sum.plus(f);
    return g.relu(name, sum.minus(flags.length - 1));
  }

  /** {@code m · (number of flags − their sum)}: 0 when every flag is 1, at least m otherwise. */
  private static Expr offset(double m, Expr... flags) {
    Expr off = Expr.constant(flags.length);
    for (Expr f : flags) off = off.minus(f);
    return off.times(m);
  }

  /** {@code AND(flags) · v} for 0/1 flags and {@code 0 <= v < m}: one unit. */
  public Expr gate(String name, Expr v, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    return g.relu(name, v.minus(offset(m, flags)));
  }

  /** {@code AND(flags) · v · v} for 0/1 flags and {@code 0 <= v < m}: one unit. */
  public Expr gateSquare(String name, Expr v, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    return g.neuron(name, v.minus(offset(m, flags)), v);
  }

  /** {@code flag · v} for a 0/1 flag and {@code -m <= v < m}: one unit. */
  public Expr gateSigned(String name, Expr flag, Expr v, double m) {
    if (off(flag)) return Expr.ZERO;
    return g.relu(name, v.plus(m).minus(Expr.constant(2 * m).minus(flag.times(2 * m)))).minus(flag.times(m));
  }

  /**
   * {@code AND(flags) · [x >= c]} for 0/1 flags and integer x with {@code |x - c| < m}: two
   * units.
   */
  public Expr atLeastIf(String name, Expr x, double c, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    Expr off = offset(m, flags);
    return g.relu(name + ".a", x.minus(c - 1).minus(off)).minus(g.relu(name + ".b", x.minus(c).minus(off)));
  }

  /**
   * {@code AND(flags) · v · [d == 0]} for 0/1 flags, integer d with {@code |d| < m / 512}
   * and {@code 0 <= v < 256}: five units (the "tent" that zeroes a lookup whose found
   * address differs from the one asked for).
   */
  public Expr gateIfZero(String name, Expr v, Expr d, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    Expr off = offset(m, flags);
    double k = 512;
    // relu(v−kd) + relu(v+kd) − relu(kd) − relu(−kd) − v  =  v·[d == 0] for |v| < k.
    return g.relu(name + ".a", v.minus(d.times(k)).minus(off))
        .plus(g.relu(name + ".b", v.plus(d.times(k)).minus(off)))
        .minus(g.relu(name + ".c", d.times(k).minus(off)))
        .minus(g.relu(name + ".d", d.times(-k).minus(off)))
        .minus(gate(name + ".e", v, m, flags));
  }

  /**
   * {@code AND(flags) · [x == c]} for 0/1 flags and integer x with {@code |x - c| + 1 < m}:
   * three units.
   */
  public Expr equalIf(String name, Expr x, double c, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    Expr off = offset(m, flags);
    return g.relu(name + ".a", x.minus(c - 1).minus(off))
        .minus(g.relu(name + ".b", x.minus(c).minus(off)).times(2))
        .plus(g.relu(name + ".c", x.minus(c + 1).minus(off)));
  }

  /**
   * {@code AND(flags) · v · [u >= 1]} for 0/1 flags, integer {@code u >= 0}, {@code 0 <= v <
   * 256} and {@code 256·u < m}: two units.
   */
  public Expr gateIfPositive(String name, Expr v, Expr u, double m, Expr... flags) {
    if (off(flags)) return Expr.ZERO;
    Expr off = offset(m, flags);
    Expr base = u.minus(1).times(256).minus(off);
    return g.relu(name + ".a", v.plus(base)).minus(g.relu(name + ".b", base));
  }
}
