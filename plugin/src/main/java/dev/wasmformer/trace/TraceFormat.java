package dev.wasmformer.trace;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Prints a {@link TraceStep} as one line for people:
 * {@code number  pc  function  instruction  effects}, e.g.
 * <pre>
 *      12     7  fib           ADD x=2 y=3 z=2 imm=0             [1028] = 13
 *      13     8  fib           STORE8 x=1 y=2 z=0 imm=16         mem[[x]+16] = 0d
 *      14     9  fib           PUTCHAR x=2 y=0 z=0 imm=0         out 'h'
 * </pre>
 */
public final class TraceFormat {
  private TraceFormat() {}

  /** The column header matching {@link #line}. */
  public static String header() {
    return String.format(Locale.ROOT, "%8s %5s  %-16s %-36s %s", "step", "pc", "function", "instruction", "effects");
  }

  /** One line for a step, without a line break. */
  public static String line(TraceStep step) {
    String function = step.function().length() > 16 ? step.function().substring(0, 15) + "~" : step.function();
    return String.format(Locale.ROOT, "%8d %5d  %-16s %-36s %s", step.number(), step.pc(), function,
        step.instruction(), effects(step)).stripTrailing();
  }

  /** The effects of a step, separated by two spaces; empty when it had none. */
  public static String effects(TraceStep step) {
    StringJoiner text = new StringJoiner("  ");
    for (TraceEffect e : step.effects()) text.add(effect(e));
    return text.toString();
  }

  static String effect(TraceEffect e) {
    if (e instanceof TraceEffect.SlotWrite w) return "[" + w.slot() + "] = " + w.value();
    if (e instanceof TraceEffect.MemoryWrite m) {
      StringJoiner hex = new StringJoiner(" ");
      for (int b : m.bytes()) hex.add(String.format(Locale.ROOT, "%02x", b));
      return "mem[[x]+" + Integer.toUnsignedString(m.offset()) + "] = " + hex;
    }
    if (e instanceof TraceEffect.Output o) return "out " + printable(o.value());
    if (e instanceof TraceEffect.ErrorOutput o) return "err " + printable(o.value());
    if (e instanceof TraceEffect.Jump j) return j.taken() ? "jump " + j.target() : "no jump";
    if (e instanceof TraceEffect.Call c) return "call " + c.target() + " fp=" + c.fp();
    if (e instanceof TraceEffect.Return r) return "return " + r.target() + " fp=" + r.fp();
    if (e instanceof TraceEffect.Halt h) return halt(h.result());
    if (e instanceof TraceEffect.Trap t) return "trap: " + t.cause();
    throw new IllegalArgumentException("unknown effect " + e);
  }

  private static String halt(OptionalLong result) {
    return result.isPresent() ? "halt " + result.getAsLong() : "halt";
  }

  private static String printable(int b) {
    if (b == '\n') return "'\\n'";
    if (b >= 0x20 && b < 0x7F && b != '\'') return "'" + (char) b + "'";
    return String.format(Locale.ROOT, "0x%02x", b);
  }
}
