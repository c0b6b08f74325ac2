package dev.wasmformer.c.ast;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A declared name: an object, a function, a typedef or an enumeration constant. One symbol
 * stands for all declarations of a name in one translation unit; the linker joins the
 * symbols of different units by name. The type may be completed by a later declaration.
 */
public final class Symbol {
  /** What the name denotes. */
  public enum Kind { OBJECT, FUNCTION, TYPEDEF, ENUM_CONSTANT }

  /** Where an object lives and how its name links. */
  public enum Storage {
    /** File scope, external linkage (also every non-static function). */
    EXTERNAL,
    /** File scope, {@code static}: internal linkage. */
    INTERNAL,
    /** Block scope {@code static}: static storage, no linkage. */
    STATIC_LOCAL,
    /** Block scope automatic variable (also compiler temporaries). */
    AUTO,
    PARAM,
    /** Typedefs and enumeration constants. */
    NONE
  }

  private static final AtomicInteger IDS = new AtomicInteger();

  private final String name;
  private final Kind kind;
  private final SourcePos pos;
  private final int id = IDS.incrementAndGet();
  private Type type;
  private Storage storage;
  private boolean defined;
  private long enumValue;
  private String exportName;
  private String importModule;
  private String importName;
  private boolean fromLibrary;
  private boolean noreturn;
  private boolean unsignedEnum;
  private int enumNumber;
  private int requestedAlign;

  public Symbol(String name, Kind kind, Type type, Storage storage, SourcePos pos) {
    this.name = name;
    this.kind = kind;
    this.type = type;
    this.storage = storage;
    this.pos = pos;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public Type type() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public Storage storage() {
    return storage;
  }

  public void setStorage(Storage storage) {
    this.storage = storage;
  }

  public SourcePos pos() {
    return pos;
  }

  public int id() {
    return id;
  }

  /** True once a function body or an object definition (not just a declaration) is seen. */
  public boolean isDefined() {
    return defined;
  }

  public void setDefined(boolean defined) {
    this.defined = defined;
  }

  public long enumValue() {
    return enumValue;
  }

  public void setEnumValue(long value) {
    this.enumValue = value;
  }

  public String exportName() {
    return exportName;
  }

  public void setExportName(String exportName) {
    this.exportName = exportName;
  }

  public String importModule() {
    return importModule;
  }

  public String importName() {
    return importName;
  }

  public void setImport(String module, String importedName) {
    this.importModule = module;
    this.importName = importedName;
  }

  public boolean isImported() {
    return importName != null;
  }

  /** True for symbols declared in our libc's sources, which user definitions override. */
  public boolean isFromLibrary() {
    return fromLibrary;
  }

  /** Whether the function never returns ({@code _Noreturn} or {@code __attribute__((noreturn))}). */
  public boolean isNoreturn() {
    return noreturn;
  }

  /** Marks the function as one that never returns; a later declaration cannot take it back. */
  /** A typedef of an enum whose enumerators are all non-negative (its bit-fields are unsigned, as gcc has them). */
  public boolean isUnsignedEnum() {
    return unsignedEnum;
  }

  public void setUnsignedEnum(boolean unsignedEnum) {
    this.unsignedEnum = unsignedEnum;
  }

  /** The number of the enum type an object or typedef is declared with (0: none), for {@code _Generic}. */
  public int enumNumber() {
    return enumNumber;
  }

  public void setEnumNumber(int enumNumber) {
    this.enumNumber = enumNumber;
  }

  public void setNoreturn(boolean noreturn) {
    this.noreturn |= noreturn;
  }

  public void setFromLibrary(boolean fromLibrary) {
    this.fromLibrary = fromLibrary;
  }

  public boolean hasStaticStorage() {
    return storage == Storage.EXTERNAL || storage == Storage.INTERNAL || storage == Storage.STATIC_LOCAL;
  }

  public boolean hasExternalLinkage() {
    return storage == Storage.EXTERNAL;
  }

  /** The name the linker knows this symbol by: its own for external linkage, made unique otherwise. */
  public String linkName() {
    return hasExternalLinkage() ? name : name + "." + id;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Asks for at least this alignment ({@code _Alignas}, {@code aligned}); the largest asked stays. */
  public void requestAlign(int align) {
    requestedAlign = Math.max(requestedAlign, align);
  }

  /** The object's alignment: its type's, or more if its declarations asked for more. */
  public int align() {
    return Math.max(Math.max(type.align(), 1), requestedAlign);
  }
}
