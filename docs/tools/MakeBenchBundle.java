import java.io.FileOutputStream;
import java.lang.reflect.Method;

/**
 * Writes the bench's sudoku model and program as a bundle, for {@code PingPong} (a measuring
 * aid, not part of the build): the same wasm, opcodes and model that {@code bench
 * --program=sudoku} decodes.
 *
 *   javac -cp plugin/target/wasmformer-cli.jar -d /tmp/pp docs/tools/MakeBenchBundle.java
 *   java -cp /tmp/pp:plugin/target/wasmformer-cli.jar MakeBenchBundle /tmp/pp/sudoku.wfb
 */
public class MakeBenchBundle {
    public static void main(String[] a) throws Throwable {
        Method sudoku = Class.forName("dev.wasmformer.cli.BenchPrograms").getDeclaredMethod("sudoku");
        sudoku.setAccessible(true);
        byte[] wasm = (byte[]) sudoku.invoke(null);
        var lowered = dev.wasmformer.compiler.WasmformerCompiler.lower(wasm, "sudoku");
        var model = dev.wasmformer.compiler.InterpreterModel.build(
                dev.wasmformer.interpreter.InterpreterGraph.opcodesOf(lowered));
        var bundle = new dev.wasmformer.compiler.WasmformerCompiler(model)
                .addWasm("sudoku", "sudoku.wasm", wasm, "sudoku").bundle();
        try (var out = new FileOutputStream(a[0])) {
            dev.wasmformer.runtime.format.BundleFiles.write(bundle, out);
        }
    }
}
