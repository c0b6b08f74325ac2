package dev.wasmformer.plugin.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void bundleNamesBecomeUpperCamelCaseClassNames() {
    assertThat(JavaNames.className("demo")).isEqualTo("Demo");
    assertThat(JavaNames.className("my-app")).isEqualTo("MyApp");
    assertThat(JavaNames.className("sudoku_solver.v2")).isEqualTo("SudokuSolverV2");
    assertThat(JavaNames.className("2048")).isEqualTo("Bundle2048");
  }

  @Test
  void programNamesThatAreIdentifiersStayAsTheyAre() {
    assertThat(JavaNames.methodName("fib")).isEqualTo("fib");
    assertThat(JavaNames.methodName("is_prime")).isEqualTo("is_prime");
    assertThat(JavaNames.methodName("isPrime")).isEqualTo("isPrime");
  }

  @Test
  void otherProgramNamesBecomeLowerCamelCaseAndKeywordsGetAnUnderscore() {
    assertThat(JavaNames.methodName("hello-world")).isEqualTo("helloWorld");
    assertThat(JavaNames.methodName("Hello World")).isEqualTo("helloWorld");
    assertThat(JavaNames.methodName("3d")).isEqualTo("_3d");
    assertThat(JavaNames.methodName("int")).isEqualTo("int_");
    assertThat(JavaNames.methodName("switch")).isEqualTo("switch_");
  }

  @Test
  void capitalizedNamesJoinTheWords() {
    assertThat(JavaNames.capitalized("fib")).isEqualTo("Fib");
    assertThat(JavaNames.capitalized("is_prime")).isEqualTo("IsPrime");
  }

  @Test
  void qualifiedNamesNeedAnIdentifierInEveryPart() {
    assertThat(JavaNames.isQualifiedName("wasmformer.generated.Demo")).isTrue();
    assertThat(JavaNames.isQualifiedName("Demo")).isTrue();
    assertThat(JavaNames.isQualifiedName("a..B")).isFalse();
    assertThat(JavaNames.isQualifiedName("a.class.B")).isFalse();
    assertThat(JavaNames.isQualifiedName("a.B.")).isFalse();
  }
}
