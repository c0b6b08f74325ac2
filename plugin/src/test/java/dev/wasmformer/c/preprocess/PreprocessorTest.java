package dev.wasmformer.c.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.c.lex.Token;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private String expand(String text, Map<String, SourceFile> files) {
    IncludeResolver resolver = (name, quoted, from) -> files.get(name);
    List<Token> out = new Preprocessor(diagnostics, resolver, Map.of()).run(new SourceFile("main.c", text));
    return out.stream().filter(t -> !t.isEof()).map(Token::text).collect(Collectors.joining(" "));
  }

  private String expand(String text) {
    return expand(text, Map.of());
  }

  @Test
  void functionLikeMacrosSubstituteExpandedArguments() {
    assertThat(expand("#define ID(x) x\n#define TWO 2\nID(TWO) ID((1, 2))")).isEqualTo("2 ( 1 , 2 )");
  }

  @Test
  void stringizingAndPastingUseTheArgumentsAsWritten() {
    assertThat(expand("#define S(x) #x\n#define P(a, b) a ## b\n#define N 1\nS(N + \"q\") P(N, 2) P(x, N)"))
        .isEqualTo("\"N + \\\"q\\\"\" N2 xN");
  }

  @Test
  void aMacroIsNotExpandedInsideItsOwnExpansion() {
    assertThat(expand("#define f(x) x + f(x)\n#define g f\ng(1)")).isEqualTo("1 + f ( 1 )");
  }

  @Test
  void variadicMacrosAndTheGnuCommaElision() {
    assertThat(expand("#define L(fmt, ...) call(fmt, ##__VA_ARGS__)\nL(a) L(a, b, c)"))
        .isEqualTo("call ( a ) call ( a , b , c )");
  }

  @Test
  void conditionalsSelectOneGroup() {
    String text = """
        #define A 2
        #if A == 1
        one
        #elif A == 2 && defined(A) && !defined B
        two
        #else
        other
        #endif
        #ifdef B
        b
        #endif
        """;
    assertThat(expand(text)).isEqualTo("two");
  }

  @Test
  void includesArePreprocessedInPlaceAndPragmaOnceIsHonoured() {
    SourceFile h = new SourceFile("h.h", "#pragma once\nint h;\n");
    assertThat(expand("#include \"h.h\"\n#include \"h.h\"\nint m;", Map.of("h.h", h))).isEqualTo("int h ; int m ;");
  }

  @Test
  void fileAndLineNameTheMacroUse() {
    assertThat(expand("#define HERE __LINE__\n\nHERE __FILE__")).isEqualTo("3 \"main.c\"");
  }

  @Test
  void tokensFromAMacroArePlacedAtItsUse() {
    IncludeResolver none = (name, quoted, from) -> null;
    List<Token> out = new Preprocessor(diagnostics, none, Map.of())
        .run(new SourceFile("m.c", "#define PAIR(a) a, a\nint x =\n   PAIR(7);"));
    Token seven = out.get(3);
    assertThat(seven.text()).isEqualTo("7");
    assertThat(seven.pos().line()).isEqualTo(3);
    assertThat(seven.pos().column()).isEqualTo(4);
  }

  @Test
  void unbalancedConditionalsAreErrors() {
    expand("#if 1\nx\n");
    expand("#endif\n");
    assertThat(diagnostics.all()).extracting(d -> d.line() + ": " + d.message())
        .containsExactly("1: unterminated conditional directive", "1: #endif without #if");
  }
}
