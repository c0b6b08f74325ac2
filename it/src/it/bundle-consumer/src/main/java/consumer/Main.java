package consumer;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Wasmformer;

/** Runs a program of a bundle another project compiled, with nothing but the runtime. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    LoadedBundle bundle = Wasmformer.loadResource("bundle-producer");
    long sum = bundle.program("add").run(2, 40).returnValue().orElseThrow();
    System.out.println("add(2, 40) from the attached bundle = " + sum);
  }
}
