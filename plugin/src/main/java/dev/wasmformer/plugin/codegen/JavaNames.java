package dev.wasmformer.plugin.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Java names for bundles and programs, whose names may be any file or export name. */
public final class JavaNames {
  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
      "_");

  private JavaNames() {}

  /** A class name for a bundle: its words in UpperCamelCase ({@code my-app} → {@code MyApp}). */
  public static String className(String bundleName) {
    String name = String.join("", capitalizedWords(bundleName));
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) name = "Bundle" + name;
    return name;
  }

  /**
   * A method name for a program: the name itself when it is a Java identifier ({@code fib},
   * {@code is_prime}), else its words in lowerCamelCase ({@code hello-world} → {@code
   * helloWorld}); a keyword gets a trailing underscore.
   */
  public static String methodName(String programName) {
    String name;
    if (isIdentifier(programName)) {
      name = programName;
    } else {
      List<String> words = capitalizedWords(programName);
      name = String.join("", words);
      if (!name.isEmpty()) name = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
      if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) name = "_" + name;
    }
    return KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** A program's name as the tail of a method name: {@code is_prime} → {@code IsPrime}. */
  public static String capitalized(String programName) {
    String name = String.join("", capitalizedWords(programName));
    return name.isEmpty() ? "_" : name;
  }

  /** Whether {@code name} is a Java identifier and no keyword. */
  public static boolean isIdentifier(String name) {
    if (name == null || name.isEmpty() || KEYWORDS.contains(name)) return false;
    if (!Character.isJavaIdentifierStart(name.charAt(0))) return false;
    return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }

  /** Whether {@code name} is a fully qualified class name ({@code a.b.C}, or {@code C}). */
  public static boolean isQualifiedName(String name) {
    if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".")) return false;
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) return false;
    }
    return true;
  }

  private static List<String> capitalizedWords(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split("[^\\p{Alnum}]+")) {
      if (word.isEmpty()) continue;
      words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
    }
    return words;
  }
}
