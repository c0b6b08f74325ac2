package dev.wasmformer.c.type;

import java.util.ArrayList;
import java.util.List;

/**
 * A struct or union. Identity is the declaration: two struct types are the same type only
 * if they are the same object. It starts incomplete and is completed once by its
 * definition.
 */
public final class StructType implements Type {
  /** A member; {@code name} is null for an anonymous struct or union member. */
  public record Member(String name, Type type, int offset) {}

  /** A member found by name, possibly inside anonymous members, with its total offset. */
  public record Found(Type type, int offset) {}

  private final String tag;
  private final boolean union;
  private List<Member> members;
  private int size = -1;
  private int align = 1;

  public StructType(String tag, boolean union) {
    this.tag = tag;
    this.union = union;
  }

  public String tag() {
    return tag;
  }

  public boolean isUnion() {
    return union;
  }

  public List<Member> members() {
    return members == null ? List.of() : members;
  }

  /** Lays the members out in declaration order (offsets aligned; unions overlap). */
  public void complete(List<String> names, List<Type> types) {
    if (members != null) throw new IllegalStateException("struct already complete");
    List<Member> laid = new ArrayList<>();
    int offset = 0;
    int maxAlign = 1;
    int maxSize = 0;
    for (int i = 0; i < names.size(); i++) {
      Type t = types.get(i);
      int a = t.align();
      maxAlign = Math.max(maxAlign, a);
      int memberSize = Math.max(t.size(), 0); // a flexible array member adds nothing
      if (union) {
        laid.add(new Member(names.get(i), t, 0));
        maxSize = Math.max(maxSize, memberSize);
      } else {
        offset = Types.alignTo(offset, a);
        laid.add(new Member(names.get(i), t, offset));
        offset += memberSize;
      }
    }
    this.members = List.copyOf(laid);
    this.align = maxAlign;
    this.size = Types.alignTo(union ? maxSize : offset, maxAlign);
  }

  public Found find(String name) {
    for (Member m : members()) {
      if (name.equals(m.name())) return new Found(m.type(), m.offset());
      if (m.name() == null && m.type() instanceof StructType inner) {
        Found f = inner.find(name);
        if (f != null) return new Found(f.type(), m.offset() + f.offset());
      }
    }
    return null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int align() {
    return align;
  }

  @Override
  public String spell() {
    return (union ? "union " : "struct ") + (tag == null ? "<anonymous>" : tag);
  }

  @Override
  public String toString() {
    return spell();
  }
}
