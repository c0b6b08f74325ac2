package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Decoder#copy}: a copy taken after a prompt's appends, or in the middle of stepping,
 * goes on exactly as the decoder it came from (every token and residual), however the
 * original and other copies go on meanwhile.
 */
class DecoderCopyTest {
    private static final int PROMPT = 700;      // past the gate filters' first build
    private static final int GENERATED = 900;

    /** What a run does after the copy point: the tokens it returns and its residuals. */
    private record Continuation(List<Integer> tokens, List<double[]> residuals) {}

    @Test
    void aCopyAfterThePromptGoesOnAsTheOriginalWould() {
        int builtFilters = 0;
        for (int seed = 0; seed < 8; seed++) {
            Model model = Model.from(seed % 2 == 0 ? WideRandomModel.bundle(new Random(seed))
                    : WideRandomModel.promptShaped(new Random(seed)));
            for (AttentionKind kind : AttentionKind.values()) {
                Decoder original = model.newDecoder(kind);
                Random random = new Random(seed);
                for (int p = 0; p < PROMPT; p++) {
                    original.append(random.nextInt(model.vocabSize()));
                }
                if (kind == AttentionKind.HULL && ((FastPass) original.pass()).gateFilterBuilds() > 0) {
                    builtFilters++;
                }
                Decoder kept = original.copy();
                Continuation expected = goOn(original, seed);
                // the kept copy is untouched by the original's run: a copy of it runs the same
                assertSame(goOn(kept.copy(), seed), expected, seed + " " + kind + " first copy");
                // two copies stepped in turn share no state
                Decoder a = kept.copy();
                Decoder b = kept.copy();
                Continuation[] both = goOnInTurn(a, b, seed);
                assertSame(both[0], expected, seed + " " + kind + " copy a");
                assertSame(both[1], expected, seed + " " + kind + " copy b");
            }
        }
        assertThat(builtFilters).as("copies taken with a built gate filter").isPositive();
    }

    @Test
    void aCopyInTheMiddleOfSteppingGoesOnAsTheOriginalWould() {
        for (int seed = 0; seed < 4; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            for (AttentionKind kind : AttentionKind.values()) {
                Decoder original = model.newDecoder(kind);
                Random random = new Random(seed);
                int next = 0;
                for (int p = 0; p < PROMPT; p++) {
                    next = original.step(p % 3 == 2 ? next : random.nextInt(model.vocabSize()));
                }
                Decoder kept = original.copy();
                Continuation expected = goOn(original, seed + 100);
                assertSame(goOn(kept, seed + 100), expected, seed + " " + kind + " mid-run copy");
            }
        }
    }

    /** Appends a few tokens more, then steps, feeding back every other token. */
    private static Continuation goOn(Decoder decoder, int seed) {
        return goOnInTurn(decoder, null, seed)[0];
    }

    /** As {@link #goOn}, for {@code a} and (when not null) {@code b} in turn, token by token. */
    private static Continuation[] goOnInTurn(Decoder a, Decoder b, int seed) {
        Decoder[] decoders = b == null ? new Decoder[] {a} : new Decoder[] {a, b};
        Continuation[] runs = new Continuation[decoders.length];
        Random[] randoms = new Random[decoders.length];
        int[] next = new int[decoders.length];
        for (int d = 0; d < decoders.length; d++) {
            runs[d] = new Continuation(new ArrayList<>(), new ArrayList<>());
            randoms[d] = new Random(seed * 31L + 7);
        }
        int vocab = a.pass().model.vocabSize();
        for (int p = 0; p < 5 + GENERATED; p++) {
            for (int d = 0; d < decoders.length; d++) {
                int token = randoms[d].nextInt(vocab);
                if (p < 5) {
                    decoders[d].append(token);
                    continue;
                }
                next[d] = decoders[d].step(p % 2 == 0 ? next[d] : token);
                runs[d].tokens().add(next[d]);
                runs[d].residuals().add(decoders[d].residual());
            }
        }
        return runs;
    }

    private static void assertSame(Continuation actual, Continuation expected, String label) {
        assertThat(actual.tokens()).as(label + ": tokens").isEqualTo(expected.tokens());
        for (int i = 0; i < expected.residuals().size(); i++) {
            if (!Arrays.equals(actual.residuals().get(i), expected.residuals().get(i))) {
                throw new AssertionError(label + ": residual after generated token " + i + " differs");
            }
        }
    }
}
