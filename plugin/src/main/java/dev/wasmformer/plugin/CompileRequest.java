package dev.wasmformer.plugin;

import dev.wasmformer.plugin.codegen.JavaNames;
import dev.wasmformer.runtime.Wasmformer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything one run of the compile goal needs, with absolute paths; built by the mojo
 * from its parameters.
 *
 * @param basedir the project's directory; file names in messages are relative to it
 * @param sourceDirectory where C programs are
 * @param wasmDirectory where WebAssembly modules are
 * @param includes patterns of program files below either directory
 * @param excludes patterns of files to leave out
 * @param librarySources patterns, below {@code sourceDirectory}, of C files that are no
 *     programs but are compiled into each one
 * @param bundleName the bundle's name: {@code META-INF/wasmformer/<bundleName>.wfb}
 * @param outputDirectory the resource root the bundle is written below
 * @param entryPoints exported functions that become programs; empty to discover them
 * @param specialize whether to bake each program into its own weights
 * @param argumentAreaBytes the size of a C program's argument area (argv, byte arrays)
 * @param generateEntryPoints whether to write the typed entry-point class
 * @param entryPointClass its fully qualified name
 * @param generatedSourcesDirectory the source root the class's Java source is written below;
 *     javac compiles it with the project's own sources
 * @param classesDirectory javac's output, where the resources step copies the bundle (a stale
 *     bundle's copy there is removed too)
 * @param statusDirectory where the goal keeps what it needs to know whether it is up to date
 * @param pluginVersion the plugin's version; a new one recompiles
 * @param prefixStates whether the bundle stores each program's state after its fixed prompt prefix
 * @param memoryPages a C program's linear memory in 64 KiB pages (static data, heap and stack)
 */
record CompileRequest(
    Path basedir,
    Path sourceDirectory,
    Path wasmDirectory,
    List<String> includes,
    List<String> excludes,
    List<String> librarySources,
    String bundleName,
    Path outputDirectory,
    List<String> entryPoints,
    boolean specialize,
    int argumentAreaBytes,
    boolean generateEntryPoints,
    String entryPointClass,
    Path generatedSourcesDirectory,
    Path classesDirectory,
    Path statusDirectory,
    String pluginVersion,
    boolean prefixStates,
    int memoryPages) {

  /** A C program's memory by default, in pages (the C compiler's default: 128 KiB). */
  static final int DEFAULT_MEMORY_PAGES = 2;
  /** The most pages a program's memory may have (the interpreter's 16 MiB). */
  static final int MAX_MEMORY_PAGES = 256;

  /** A request with C programs' default memory. */
  CompileRequest(Path basedir, Path sourceDirectory, Path wasmDirectory, List<String> includes, List<String> excludes,
      List<String> librarySources, String bundleName, Path outputDirectory, List<String> entryPoints,
      boolean specialize, int argumentAreaBytes, boolean generateEntryPoints, String entryPointClass,
      Path generatedSourcesDirectory, Path classesDirectory, Path statusDirectory, String pluginVersion,
      boolean prefixStates) {
    this(basedir, sourceDirectory, wasmDirectory, includes, excludes, librarySources, bundleName, outputDirectory,
        entryPoints, specialize, argumentAreaBytes, generateEntryPoints, entryPointClass, generatedSourcesDirectory,
        classesDirectory, statusDirectory, pluginVersion, prefixStates, DEFAULT_MEMORY_PAGES);
  }

  /** A request that stores the programs' prefix states (the default). */
  CompileRequest(Path basedir, Path sourceDirectory, Path wasmDirectory, List<String> includes, List<String> excludes,
      List<String> librarySources, String bundleName, Path outputDirectory, List<String> entryPoints,
      boolean specialize, int argumentAreaBytes, boolean generateEntryPoints, String entryPointClass,
      Path generatedSourcesDirectory, Path classesDirectory, Path statusDirectory, String pluginVersion) {
    this(basedir, sourceDirectory, wasmDirectory, includes, excludes, librarySources, bundleName, outputDirectory,
        entryPoints, specialize, argumentAreaBytes, generateEntryPoints, entryPointClass, generatedSourcesDirectory,
        classesDirectory, statusDirectory, pluginVersion, true, DEFAULT_MEMORY_PAGES);
  }

  /** This request with C programs' memory set to {@code pages}. */
  CompileRequest withMemoryPages(int pages) {
    return new CompileRequest(basedir, sourceDirectory, wasmDirectory, includes, excludes, librarySources, bundleName,
        outputDirectory, entryPoints, specialize, argumentAreaBytes, generateEntryPoints, entryPointClass,
        generatedSourcesDirectory, classesDirectory, statusDirectory, pluginVersion, prefixStates, pages);
  }

  static final int MIN_ARGUMENT_AREA = 8;
  static final int MAX_ARGUMENT_AREA = 65536;
  private static final Pattern BUNDLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  CompileRequest {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    librarySources = List.copyOf(librarySources);
    entryPoints = List.copyOf(entryPoints);
    if (bundleName == null || !BUNDLE_NAME.matcher(bundleName).matches()) {
      throw new IllegalArgumentException("wasmformer.bundleName must be letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit; it is \"" + bundleName + "\"");
    }
    if (argumentAreaBytes < MIN_ARGUMENT_AREA || argumentAreaBytes > MAX_ARGUMENT_AREA) {
      throw new IllegalArgumentException("wasmformer.argumentAreaBytes must be from " + MIN_ARGUMENT_AREA + " to "
          + MAX_ARGUMENT_AREA + "; it is " + argumentAreaBytes);
    }
    if (memoryPages < 1 || memoryPages > MAX_MEMORY_PAGES) {
      throw new IllegalArgumentException("wasmformer.memoryPages must be from 1 to " + MAX_MEMORY_PAGES + "; it is "
          + memoryPages);
    }
    if (generateEntryPoints && !JavaNames.isQualifiedName(entryPointClass)) {
      throw new IllegalArgumentException("the typed entry-point class " + entryPointClass + " is not a valid"
          + " Java class name; set wasmformer.entryPointPackage and wasmformer.entryPointClass");
    }
  }

  /** The bundle file: {@code <outputDirectory>/META-INF/wasmformer/<bundleName>.wfb}. */
  Path bundleFile() {
    return outputDirectory.resolve(bundleResource());
  }

  /** The bundle's classpath resource name. */
  String bundleResource() {
    return bundleResource(bundleName);
  }

  /** The classpath resource name of the bundle named {@code bundleName}. */
  static String bundleResource(String bundleName) {
    return Wasmformer.resourceName(bundleName);
  }

  /** The settings that shape the bundle, recorded in its metadata. */
  Map<String, String> bundleSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bundle_name", bundleName);
    settings.put("specialize", Boolean.toString(specialize));
    settings.put("argument_area_bytes", Integer.toString(argumentAreaBytes));
    settings.put("prefix_states", Boolean.toString(prefixStates));
    settings.put("memory_pages", Integer.toString(memoryPages));
    settings.put("entry_points", entryPoints.isEmpty() ? "(discovered)" : String.join(",", entryPoints));
    return settings;
  }
}
