package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CompileResult#files()}: the sources and every header the compilation included, and nothing else. */
class FilesReadTest {
  @TempDir Path dir;

  private Path write(String relative, String text) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private static List<String> paths(CompileResult r) {
    return r.files().stream().map(SourceFile::path).toList();
  }

  @Test
  void theSourcesAndEveryIncludedHeaderAreListedOnceInTheOrderFirstRead() throws Exception {
    Path src = dir.resolve("src");
    Path inc = dir.resolve("inc");
    write("src/near.h", "#pragma once\n#include \"nested/deeper.h\"\n#define NEAR 1\n");
    write("src/nested/deeper.h", "#define DEEPER 2\n");
    write("inc/far.h", "#ifndef FAR_H\n#define FAR_H\n#define FAR 3\n#endif\n");
    write("inc/angled.h", "#define ANGLED 4\n");
    write("inc/computed.h", "#define COMPUTED 5\n");
    write("inc/skipped.h", "#error never included\n");
    write("inc/unused.h", "#define UNUSED 6\n");
    String main = """
        #include <stdio.h>
        #include "near.h"
        #include "far.h"
        #include "far.h"
        #include <angled.h>
        #define HEADER "computed.h"
        #include HEADER
        #if 0
        #include "skipped.h"
        #endif
        int main(void) { return NEAR + DEEPER + FAR + ANGLED + COMPUTED; }
        """;
    String helper = "#include \"near.h\"\nint helper(void) { return NEAR; }\n";
    SourceFile mainFile = new SourceFile(src.resolve("main.c").toString(), main);
    SourceFile helperFile = new SourceFile(src.resolve("helper.c").toString(), helper);

    CompileResult r = new CCompiler().compile(List.of(mainFile, helperFile),
        CompileOptions.defaults().withIncludeDirs(List.of(inc)));

    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(paths(r)).containsExactly(
        src.resolve("main.c").toString(), src.resolve("helper.c").toString(),
        src.resolve("near.h").toString(), src.resolve("nested/deeper.h").toString(),
        inc.resolve("far.h").toString(), inc.resolve("angled.h").toString(), inc.resolve("computed.h").toString());
    assertThat(r.files().get(0)).isSameAs(mainFile);
    assertThat(r.files().get(4).text()).isEqualTo(Files.readString(inc.resolve("far.h")));
  }

  @Test
  void anInMemoryHeaderIsListedAndTheLibcsHeadersAreNot() {
    SourceFile config = new SourceFile("config.h", "#define LIMIT 7\n");
    CompileResult r = new CCompiler().compile(
        List.of(new SourceFile("prog.c", "#include <stdlib.h>\n#include \"config.h\"\nint main(void) { return LIMIT; }\n")),
        CompileOptions.defaults().withHeaders(List.of(config)));

    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(r.files()).containsExactly(r.files().get(0), config);
    assertThat(paths(r)).noneMatch(p -> p.startsWith("<libc>"));
  }

  @Test
  void aFailedCompilationListsWhatItReadBeforeItStopped() throws Exception {
    write("src/ok.h", "#define OK 1\n");
    SourceFile broken = new SourceFile(dir.resolve("src/broken.c").toString(),
        "#include \"ok.h\"\n#include \"missing.h\"\nint main(void) { return OK }\n");

    CompileResult r = new CCompiler().compile(broken, CompileOptions.defaults());

    assertThat(r.success()).isFalse();
    assertThat(paths(r)).containsExactly(broken.path(), dir.resolve("src/ok.h").toString());
  }
}
