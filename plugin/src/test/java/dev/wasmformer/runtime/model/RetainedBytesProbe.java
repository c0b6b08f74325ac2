package dev.wasmformer.runtime.model;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.attention.AttentionCache;
import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.TokenRole;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a check: what a hull run's state holds per position, by kind of head,
 * against {@link Model#bytesPerPosition}. Runs a C program without arguments or input
 * ({@code -Dwasmformer.probe.program}, docs/examples/sudoku.c by default; {@code
 * -Dwasmformer.probe.universal=true} for the universal model) and at checkpoints measures every
 * head's trimmed copy ({@link AttentionCache#retainedBytes}: its contents, not the arrays' room
 * to grow). Prints the growth per position between checkpoints.
 *
 * <p>{@code mvn -o -q -pl plugin -am test -Dtest=RetainedBytesProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwasmformer.probe=true}
 */
@EnabledIfSystemProperty(named = "wasmformer.probe", matches = "true")
class RetainedBytesProbe {
    private static final long[] CHECKPOINTS = {100_000, 200_000, 400_000, 800_000};
    private static final String[] KINDS = {"position-key heads", "hull AVERAGE", "hull LATEST", "other", "tokens"};

    @Test
    void printsWhatEachKindOfHeadKeepsPerPosition() throws Exception {
        Path file = Path.of(System.getProperty("wasmformer.probe.program", "../docs/examples/sudoku.c"));
        WasmformerCompiler compiler = Boolean.getBoolean("wasmformer.probe.universal")
                ? new WasmformerCompiler(InterpreterModel.get()) : new WasmformerCompiler();
        Bundle bundle = compiler.addC("p", List.of(new SourceFile(file.toString(), Files.readString(file))),
                WasmformerCompiler.cOptions(), List.of(), null).bundle();
        Model model = Model.from(bundle);
        var program = bundle.getPrograms(0);
        List<Integer> prompt = new ArrayList<>(program.getPrefixList());
        for (int id = 0; id < bundle.getVocabulary().getTokensCount(); id++) {
            if (bundle.getVocabulary().getTokens(id).getRole() == TokenRole.INPUT_END) prompt.add(id);
        }
        prompt.addAll(program.getSuffixList());
        Decoder decoder = model.newDecoder(AttentionKind.HULL);
        for (int i = 0; i + 1 < prompt.size(); i++) decoder.append(prompt.get(i));
        int token = decoder.step(prompt.get(prompt.size() - 1));
        long[] before = null;
        long beforeAt = 0;
        System.out.printf("%s: estimate %d bytes per position; prompt %d tokens%n", file,
                model.bytesPerPosition(AttentionKind.HULL), prompt.size());
        for (long checkpoint : CHECKPOINTS) {
            while (decoder.position() < checkpoint) {
                token = decoder.step(token);
                if (bundle.getVocabulary().getTokens(token).getRole() == TokenRole.HALT) break;
            }
            long[] now = measure(model, (FastPass) decoder.pass(), decoder.position());
            StringBuilder line = new StringBuilder(String.format("at %,d: whole state (arrays as they are) %,d B",
                    decoder.position(), decoder.retainedBytes()));
            for (int k = 0; k < KINDS.length; k++) {
                line.append(String.format("; %s %,d B", KINDS[k], now[k]));
                if (before != null) {
                    line.append(String.format(" (%.2f B/pos)", (now[k] - before[k]) / (double) (decoder.position() - beforeAt)));
                }
            }
            System.out.println(line);
            before = now;
            beforeAt = decoder.position();
            if (decoder.position() < checkpoint) break;   // halted
        }
    }

    /**
     * The sizes of the state after the program's fixed prompt prefix: the decoder's arrays as
     * they are, a copy, a kept state; and the median time of a copy of each (ten of each, after
     * ten to warm up).
     */
    @Test
    void printsWhatKeepingThePrefixCostsAndACopyOfItTakes() throws Exception {
        Path file = Path.of(System.getProperty("wasmformer.probe.program", "../docs/examples/sudoku.c"));
        Bundle bundle = new WasmformerCompiler().addC("p", List.of(new SourceFile(file.toString(), Files.readString(file))),
                WasmformerCompiler.cOptions(), List.of(), null).bundle();
        Model model = Model.from(bundle);
        var program = bundle.getPrograms(0);
        int fixed = program.getPrefixCount();
        for (int p : program.getParamPositionsList()) fixed = Math.min(fixed, p);
        if (program.hasArgumentArea()) fixed = Math.min(fixed, program.getArgumentArea().getFirstPosition());
        Decoder decoder = model.newDecoder(AttentionKind.HULL);
        for (int i = 0; i < fixed; i++) decoder.append(program.getPrefix(i));
        Decoder copy = decoder.copy();
        Decoder.Kept kept = decoder.keep();
        System.out.printf("%s, fixed prefix of %d tokens: decoder %,d B, copy %,d B, kept %,d B, copy of the kept %,d B%n",
                file, fixed, decoder.retainedBytes(), copy.retainedBytes(), kept.retainedBytes(), kept.copy().retainedBytes());
        double[] fromDecoder = new double[20];
        double[] fromKept = new double[20];
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            copy = decoder.copy();
            long t1 = System.nanoTime();
            copy = kept.copy();
            long t2 = System.nanoTime();
            fromDecoder[i] = (t1 - t0) / 1e6;
            fromKept[i] = (t2 - t1) / 1e6;
        }
        System.out.printf("median copy time: of the decoder %.2f ms, of the kept state %.2f ms%n",
                median(fromDecoder), median(fromKept));
    }

    private static double median(double[] times) {
        double[] last = java.util.Arrays.copyOfRange(times, times.length / 2, times.length);
        java.util.Arrays.sort(last);
        return last[last.length / 2];
    }

    /** The contents' bytes by kind of head (a trimmed copy of each), and the tokens' array. */
    private static long[] measure(Model model, FastPass pass, long positions) throws Exception {
        AttentionCache[][] caches = (AttentionCache[][]) field(pass, "caches");
        PositionHead[][] heads = (PositionHead[][]) field(pass, "positionHeads");
        long[] bytes = new long[KINDS.length];
        for (int l = 0; l < caches.length; l++) {
            for (int h = 0; h < caches[l].length; h++) {
                HeadWeights w = model.layers.get(l).heads().get(h);
                if (heads[l][h] != null) {
                    bytes[0] += new PositionHead(heads[l][h], false).retainedBytes();
                } else if (w.kernel() == HeadKernel.HULL) {
                    bytes[w.mode() == AttentionMode.AVERAGE ? 1 : 2] += caches[l][h].copy().retainedBytes();
                } else {
                    bytes[3] += caches[l][h].copy().retainedBytes();
                }
            }
        }
        bytes[4] = (Boolean) field(pass, "keepTokens") ? 4 * positions : 0;
        return bytes;
    }

    private static Object field(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
