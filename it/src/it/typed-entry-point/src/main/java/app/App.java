package app;

import dev.wasmformer.runtime.RunResult;
import wasmformer.generated.Demo;

/** Calls the programs of the bundle "demo" through the class the compile goal generated. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.out.println("fib(10) = " + Demo.fib(10));
    System.out.println("fib(20) = " + Demo.fib(20));
    RunResult hello = Demo.hello();
    System.out.print("hello printed: " + hello.outputText());
    System.out.println("hello exited with " + hello.returnValue().getAsLong());
    RunResult greet = Demo.greetWithArgs("Ada", "Grace");
    System.out.print("greet printed: " + greet.outputText().replace("\n", "; "));
    System.out.println("greet exited with " + greet.returnValue().getAsLong());
    System.out.println("scale(1.5, -3) = " + Demo.scale(1.5f, -3));
    System.out.println("scale(-0.0, 2) = " + Demo.scale(-0.0f, 2));
    System.out.println("average(2.5, 0.25) = " + Demo.average(2.5, 0.25));
    byte[] text = "shout, please".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Demo.upcase(text, 5);
    System.out.println("upcase(\"shout, please\", 5) left " + new String(text, java.nio.charset.StandardCharsets.US_ASCII));
    System.out.println("checksum(\"abc\") = " + Demo.checksum(new byte[] {'a', 'b', 'c'}, 3));
  }
}
