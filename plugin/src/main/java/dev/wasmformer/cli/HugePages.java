package dev.wasmformer.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the JVM's heap is on transparent huge pages, which the bench reports with its figures:
 * a token touches ~150–190 distinct 4 KiB pages, so whether those are 2 MiB pages can move a
 * figure on a machine whose other work evicts the TLB (docs/benchmarks-history.md, "Session 6").
 *
 * @param jvm the JVM's {@code UseTransparentHugePages} flag
 * @param kernel the kernel's mode ({@code always}, {@code madvise}, {@code never}), or {@code
 *     unknown} where there is no {@code /sys/kernel/mm/transparent_hugepage/enabled}
 */
record HugePages(boolean jvm, String kernel) {
  private static final Path KERNEL_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
  private static final Pattern SELECTED = Pattern.compile("\\[(\\w+)]");

  static HugePages ofThisJvm() {
    boolean flag = false;
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      flag = vm != null && Boolean.parseBoolean(vm.getVMOption("UseTransparentHugePages").getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // Not a HotSpot JVM, or one without the flag: no huge pages of ours.
    }
    return new HugePages(flag, kernelMode(KERNEL_MODE));
  }

  /** The bracketed (selected) word of a kernel mode file such as {@code always [madvise] never}. */
  static String kernelMode(Path file) {
    try {
      Matcher m = SELECTED.matcher(Files.readString(file));
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException | SecurityException e) {
      return "unknown";
    }
  }

  /** Whether the heap uses them: the kernel gives them always, or on request and the JVM asks. */
  boolean inUse() {
    return kernel.equals("always") || (kernel.equals("madvise") && jvm);
  }

  String describe() {
    if (inUse()) {
      return "transparent huge pages: in use (kernel " + kernel + (jvm ? ", -XX:+UseTransparentHugePages" : "") + ")";
    }
    return "transparent huge pages: not in use (kernel " + kernel + ")";
  }
}
