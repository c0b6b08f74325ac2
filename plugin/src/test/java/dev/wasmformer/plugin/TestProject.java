package dev.wasmformer.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A project directory with the compile goal's default layout, and requests for it. */
final class TestProject {
  final Path basedir;
  String bundleName = "demo";
  List<String> includes = List.of("**/*.c", "**/*.wasm");
  List<String> excludes = new ArrayList<>();
  List<String> librarySources = new ArrayList<>();
  List<String> entryPoints = new ArrayList<>();
  boolean specialize;
  int argumentAreaBytes = 1024;
  boolean generateEntryPoints = true;
  String entryPointClass = "wasmformer.generated.Demo";
  String pluginVersion = "1.0-test";

  TestProject(Path basedir) {
    this.basedir = basedir;
  }

  Path wasm(String relative) {
    return basedir.resolve("src/main/wasm").resolve(relative);
  }

  Path c(String relative) {
    return basedir.resolve("src/main/c").resolve(relative);
  }

  Path outputDirectory() {
    return basedir.resolve("target/generated-resources/wasmformer");
  }

  Path generatedSources() {
    return basedir.resolve("target/generated-sources/wasmformer");
  }

  Path classes() {
    return basedir.resolve("target/classes");
  }

  Path bundle() {
    return outputDirectory().resolve("META-INF/wasmformer/" + bundleName + ".wfb");
  }

  CompileRequest request() {
    return new CompileRequest(basedir, basedir.resolve("src/main/c"), basedir.resolve("src/main/wasm"),
        includes, excludes, librarySources, bundleName, outputDirectory(), entryPoints, specialize,
        argumentAreaBytes, generateEntryPoints, entryPointClass, generatedSources(), classes(), basedir.resolve("target/maven-status/wasmformer/default"),
        pluginVersion);
  }
}
