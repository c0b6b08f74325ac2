package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multibyte conversions in UTF-8, which c/features/wchar_multibyte.c cannot compare with
 * gcc's build (glibc's "C" locale is ASCII and refuses other bytes).
 */
class MultibyteTest {
  @Test
  void conversionsAreUtf8() {
    String program = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <wchar.h>
        static void show(const char *s, size_t n) {
          mbstate_t st = {0};
          wchar_t wc = 0;
          size_t r = mbrtowc(&wc, s, n, &st);
          printf("%d:%x ", (int)r, (unsigned)wc);
        }
        int main(void) {
          printf("%d\\n", (int)MB_CUR_MAX);
          show("\\x7f", 1); show("\\xc2\\x80", 2); show("\\xdf\\xbf", 2); show("\\xe0\\xa0\\x80", 3);
          show("\\xef\\xbf\\xbf", 3); show("\\xf0\\x90\\x80\\x80", 4); show("\\xf4\\x8f\\xbf\\xbf", 4);
          printf("\\n");
          // overlong, surrogate, beyond U+10FFFF, a stray continuation, a lead without its tail
          show("\\xc0\\x80", 2); show("\\xc1\\xbf", 2); show("\\xe0\\x9f\\xbf", 3); show("\\xed\\xa0\\x80", 3);
          show("\\xf4\\x90\\x80\\x80", 4); show("\\xf5\\x80\\x80\\x80", 4); show("\\xbf", 1); show("\\xe2\\x82x", 3);
          printf("\\n");
          // a character split across calls: -2 until it is complete, then the bytes of this call
          mbstate_t st = {0};
          wchar_t wc = 0;
          const char *euro = "\\xe2\\x82\\xac";
          int a = (int)mbrtowc(&wc, euro, 1, &st);
          int b = (int)mbrtowc(&wc, euro + 1, 1, &st);
          int in = mbsinit(&st);
          int c = (int)mbrtowc(&wc, euro + 2, 1, &st);
          printf("%d %d %d %d %x %d\\n", a, b, in, c, (unsigned)wc, mbsinit(&st));
          char buf[16];
          int codes[] = {0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff, 0x110000, 0xd800};
          for (int i = 0; i < 9; i++) {
            int n = (int)wcrtomb(buf, codes[i], NULL);
            printf("%d:", n);
            for (int k = 0; k < n; k++) printf("%02x", (unsigned char)buf[k]);
            printf(" ");
          }
          printf("\\n");
          const char *text = "h\\xc3\\xa9\\xe2\\x82\\xac\\xf0\\x9f\\x98\\x80!";
          wchar_t wide[8];
          int n = (int)mbstowcs(wide, text, 8);
          printf("%d %x %x %x %x %x %d\\n", n, wide[0], wide[1], wide[2], wide[3], wide[4], (int)mbstowcs(NULL, text, 0));
          printf("%d %d %d\\n", (int)wcstombs(NULL, wide, 0), (int)wcstombs(buf, wide, sizeof buf), strcmp(buf, text));
          printf("%d %d %d\\n", (int)wcstombs(buf, wide, 3), mblen(text + 1, 2), mblen(text + 1, 1));
          printf("%d %d\\n", wctomb(buf, 0x20ac), mbtowc(&wide[0], "\\xf0\\x9f\\x98\\x80", 4));
          return 0;
        }
        """;
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", program), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("""
        4
        1:7f 2:80 2:7ff 3:800 3:ffff 4:10000 4:10ffff\s
        -1:0 -1:0 -1:0 -1:0 -1:0 -1:0 -1:0 -1:0\s
        -2 -2 0 1 20ac 1
        1:7f 2:c280 2:dfbf 3:e0a080 3:efbfbf 4:f0908080 4:f48fbfbf -1: -1:\s
        5 68 e9 20ac 1f600 21 5
        11 11 0
        3 2 -1
        3 4
        """);
  }
}
