package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.attention.QuadraticKey;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
        for (int seed = 0; seed < 10; seed++) {
            Random shapes = new Random(seed);
            Model model = Model.from(seed >= 8 ? WideRandomModel.withSharers(WideRandomModel.bundle(shapes), shapes)
                    : seed % 2 == 0 ? WideRandomModel.bundle(shapes) : WideRandomModel.promptShaped(shapes));
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
                Decoder.Kept keptState = original.keep();
                assertThat(keptState.retainedBytes()).as("kept state against a copy")
                        .isLessThanOrEqualTo(kept.retainedBytes());
                Continuation expected = goOn(original, seed);
                // the kept copy is untouched by the original's run: a copy of it runs the same
                assertSame(goOn(kept.copy(), seed), expected, seed + " " + kind + " first copy");
                assertSame(goOn(keptState.copy(), seed), expected, seed + " " + kind + " copy of the kept state");
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

    /**
     * Walks a copy and its original field by field: every array and every object of the
     * runtime's packages that a run changes is the copy's own. Only the model's parts, which no
     * run changes, may be shared (a new field of per-run state that a copy forgets to copy
     * fails here even when no trace shows it, e.g. a gate filter, which only affects speed).
     */
    @Test
    void aCopySharesNothingThatARunChanges() {
        for (int seed = 0; seed < 2; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            for (AttentionKind kind : AttentionKind.values()) {
                Decoder original = prompted(model, kind, seed);
                Walk walk = new Walk();
                walk.compare(original, original.copy(), "decoder");
                assertThat(walk.arrays).as("%s: arrays compared", kind).isGreaterThan(20);
            }
        }
    }

    /**
     * {@link Decoder#retainedBytes} and {@link Decoder.Kept#retainedBytes} count every primitive
     * array of a run's own state, each once, and nothing of the model's: the sum of the arrays a
     * walk of the fields finds (a new array field left out of the count fails here).
     */
    @Test
    void retainedBytesCountsEveryArrayOfTheRunsOwnState() throws Exception {
        for (int seed = 0; seed < 2; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            for (AttentionKind kind : AttentionKind.values()) {
                Decoder decoder = prompted(model, kind, seed);
                assertThat(decoder.retainedBytes()).as("%s decoder", kind).isEqualTo(arrayBytes(decoder));
                Decoder copy = decoder.copy();
                assertThat(copy.retainedBytes()).as("%s copy", kind).isEqualTo(arrayBytes(copy));
                Decoder.Kept kept = decoder.keep();
                Field state = Decoder.Kept.class.getDeclaredField("state");
                state.setAccessible(true);
                assertThat(kept.retainedBytes()).as("%s kept", kind).isEqualTo(arrayBytes(state.get(kept)));
            }
        }
    }

    /** The fields of {@code type} and its superclasses that may hold a run's own objects, accessible. */
    private static List<Field> runFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()
                        && !SHARED_FIELDS.contains(c.getSimpleName() + "." + f.getName())) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    /** The bytes of the primitive arrays reachable from {@code root} but not from the model. */
    private static long arrayBytes(Object root) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> pending = new ArrayList<>(List.of(root));
        long bytes = 0;
        while (!pending.isEmpty()) {
            Object o = pending.remove(pending.size() - 1);
            Class<?> type = o.getClass();
            if (!seen.add(o) || SHARED.contains(type) || type.isEnum() || o instanceof Number || o instanceof Boolean) {
                continue;
            }
            if (type.isArray()) {
                if (type.getComponentType().isPrimitive()) {
                    bytes += dev.wasmformer.runtime.attention.HeapBytes.of(o);
                } else {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        if (Array.get(o, i) != null) {
                            pending.add(Array.get(o, i));
                        }
                    }
                }
                continue;
            }
            for (Field f : runFields(type)) {
                Object value = f.get(o);
                if (value != null) {
                    pending.add(value);
                }
            }
        }
        return bytes;
    }

    /** A decoder after a random prompt of {@link #PROMPT} tokens and one step. */
    private static Decoder prompted(Model model, AttentionKind kind, int seed) {
        Decoder decoder = model.newDecoder(kind);
        Random random = new Random(seed);
        for (int p = 0; p < PROMPT; p++) {
            decoder.append(random.nextInt(model.vocabSize()));
        }
        decoder.step(1);
        return decoder;
    }

    /** The types of the model's parts, shared by every run. */
    private static final Set<Class<?>> SHARED = Set.of(Model.class, AttentionLayer.class, SparseFeedForward.class,
            FfnWeights.class, PromptPlan.class, TokenValues.class, QuadraticKey.class, GateGroups.class,
            HeadWeights.class, CsrMatrix.class, HeadKernel.class, AttentionMode.class, AttentionLayer[].class,
            SparseFeedForward[].class, HeadWeights[][].class, FfnWeights[].class);
    /** Fields holding the model's arrays (types too plain to tell). */
    private static final Set<String> SHARED_FIELDS = Set.of("FastPass.embeddingWrites", "FastPass.resident",
            "FastPass.residentRows");

    private static final class Walk {
        final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int arrays;

        void compare(Object a, Object b, String path) {
            if (a == null || !seen.add(a)) {
                return;
            }
            Class<?> type = a.getClass();
            if (SHARED.contains(type) || type.isEnum() || a instanceof Number || a instanceof Boolean) {
                return;
            }
            assertThat(b).as(path + " is shared by the copy").isNotSameAs(a);
            if (type.isArray()) {
                arrays++;
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(a); i++) {
                        compare(Array.get(a, i), Array.get(b, i), path + "[" + i + "]");
                    }
                }
                return;
            }
            assertThat(type.getName()).as(path).startsWith("dev.wasmformer.runtime.");
            for (Field f : runFields(type)) {
                try {
                    compare(f.get(a), f.get(b), path + "." + f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
