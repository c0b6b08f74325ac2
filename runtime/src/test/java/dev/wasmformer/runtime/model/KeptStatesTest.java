package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.attention.QuadraticKey;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.state.StateFormatException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link KeptStates}: a kept hull decoder written and read back is, field by field, the kept
 * decoder it came from (every primitive and every array of a run's state, compared by value),
 * and goes on as it would, token and residual; bytes that are not such a state are refused
 * with a {@link StateFormatException}, never another failure.
 */
class KeptStatesTest {
    private static final int PROMPT = 700;      // past the gate filters' first build
    private static final int GENERATED = 600;

    @Test
    void aStateReadBackIsTheKeptStateFieldByFieldAndGoesOnAsItWould() throws Exception {
        int builtFilters = 0;
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(seed);
            Bundle bundle = seed >= 6 ? WideRandomModel.withSharers(WideRandomModel.bundle(random), random)
                    : seed % 2 == 0 ? WideRandomModel.bundle(random) : WideRandomModel.promptShaped(random);
            Model model = Model.from(bundle);
            Decoder original = prompted(model, seed);
            if (((FastPass) original.pass()).gateFilterBuilds() > 0) {
                builtFilters++;
            }
            Decoder.Kept kept = original.keep();
            byte[] bytes = KeptStates.write(kept);
            // read by another load of the same bundle: nothing but the weights is shared
            Decoder.Kept read = KeptStates.read(Model.from(bundle), ByteBuffer.wrap(bytes));
            assertThat(read.position()).isEqualTo(PROMPT);
            assertThat(KeptStates.write(read)).as("seed %d: written again", seed).isEqualTo(bytes);
            assertThat(read.retainedBytes()).as("seed %d: heap", seed).isEqualTo(kept.retainedBytes());
            Walk walk = new Walk();
            walk.compare(kept.copy(), read.copy(), "decoder");
            assertThat(walk.values).as("values compared").isGreaterThan(100);
            List<Integer> expectedTokens = new ArrayList<>();
            List<double[]> expectedResiduals = new ArrayList<>();
            goOn(kept.copy(), seed, expectedTokens, expectedResiduals);
            List<Integer> tokens = new ArrayList<>();
            List<double[]> residuals = new ArrayList<>();
            goOn(read.copy(), seed, tokens, residuals);
            assertThat(tokens).as("seed %d: tokens", seed).isEqualTo(expectedTokens);
            for (int i = 0; i < residuals.size(); i++) {
                if (!Arrays.equals(residuals.get(i), expectedResiduals.get(i))) {
                    throw new AssertionError("seed " + seed + ": residual after generated token " + i + " differs");
                }
            }
        }
        assertThat(builtFilters).as("states written with a built gate filter").isPositive();
    }

    @Test
    void truncatedOrExtendedBytesAreRefused() {
        Model model = Model.from(WideRandomModel.bundle(new Random(3)));
        byte[] bytes = KeptStates.write(prompted(model, 3).keep());
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 97)) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> KeptStates.read(model, ByteBuffer.wrap(cut))).as("cut at %d", length)
                    .isInstanceOf(StateFormatException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> KeptStates.read(model, ByteBuffer.wrap(longer)))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("after the end");
    }

    @Test
    void garbledBytesAreRefusedOrReadNeverAnythingElse() throws Exception {
        Model model = Model.from(WideRandomModel.bundle(new Random(4)));
        byte[] bytes = KeptStates.write(prompted(model, 4).keep());
        Random random = new Random(4);
        int refused = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] garbled = bytes.clone();
            for (int k = 0; k < 1 + trial % 3; k++) {
                garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
            }
            try {
                KeptStates.read(model, ByteBuffer.wrap(garbled));
            } catch (StateFormatException e) {
                refused++;
            }
        }
        assertThat(refused).as("garbles refused by the structure").isPositive();
    }

    @Test
    void aStateOfAnotherModelIsRefused() {
        Model model = Model.from(WideRandomModel.bundle(new Random(5)));
        Model other = Model.from(WideRandomModel.promptShaped(new Random(6)));
        byte[] bytes = KeptStates.write(prompted(model, 5).keep());
        assertThatThrownBy(() -> KeptStates.read(other, ByteBuffer.wrap(bytes)))
                .isInstanceOf(StateFormatException.class);
    }

    @Test
    void theFingerprintTellsModelsApartAndNotLoadsOfOne() {
        Bundle a = WideRandomModel.bundle(new Random(7));
        Bundle b = WideRandomModel.bundle(new Random(8));
        byte[] fa = KeptStates.fingerprint(Model.from(a), a.getWeights());
        assertThat(KeptStates.fingerprint(Model.from(a), a.getWeights())).isEqualTo(fa);
        assertThat(KeptStates.fingerprint(Model.from(b), b.getWeights())).isNotEqualTo(fa);
        assertThat(fa).hasSize(32);
    }

    /** A hull decoder after a random prompt of {@link #PROMPT} tokens. */
    private static Decoder prompted(Model model, int seed) {
        Decoder decoder = model.newDecoder(AttentionKind.HULL);
        Random random = new Random(seed);
        for (int p = 0; p < PROMPT; p++) {
            decoder.append(random.nextInt(model.vocabSize()));
        }
        return decoder;
    }

    /** Appends a few tokens, then steps, feeding back every other token. */
    private static void goOn(Decoder decoder, int seed, List<Integer> tokens, List<double[]> residuals) {
        Random random = new Random(seed * 31L + 7);
        int vocab = decoder.pass().model.vocabSize();
        int next = 0;
        for (int p = 0; p < 5 + GENERATED; p++) {
            int token = random.nextInt(vocab);
            if (p < 5) {
                decoder.append(token);
                continue;
            }
            next = decoder.step(p % 2 == 0 ? next : token);
            tokens.add(next);
            residuals.add(decoder.residual());
        }
    }

    /** The types of the model's parts, shared by every run (compared by identity of role only). */
    private static final Set<Class<?>> SHARED = Set.of(Model.class, AttentionLayer.class, SparseFeedForward.class,
            FfnWeights.class, PromptPlan.class, TokenValues.class, QuadraticKey.class, GateGroups.class,
            HeadWeights.class, CsrMatrix.class, HeadKernel.class, AttentionMode.class, AttentionLayer[].class,
            SparseFeedForward[].class, HeadWeights[][].class, FfnWeights[].class);
    /** The model's arrays the pass refers to, and what a copy of a read state starts anew. */
    private static final Set<String> SKIPPED = Set.of("FastPass.embeddingWrites", "FastPass.resident",
            "FastPass.residentRows", "Decoder.startsCode", "FastPass.families");

    /**
     * Compares two object graphs of a run's state by value: every primitive field and every
     * element of every array, following the runtime's objects (not the model's shared parts).
     */
    private static final class Walk {
        final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int values;

        void compare(Object a, Object b, String path) throws IllegalAccessException {
            if (a == null || b == null) {
                assertThat(b == null).as(path + " present").isEqualTo(a == null);
                return;
            }
            if (!seen.add(a)) {
                return;
            }
            Class<?> type = a.getClass();
            assertThat(b.getClass()).as(path + " type").isEqualTo(type);
            if (SHARED.contains(type) || type.isEnum()) {
                return;
            }
            if (type.isArray()) {
                assertThat(Array.getLength(b)).as(path + " length").isEqualTo(Array.getLength(a));
                for (int i = 0; i < Array.getLength(a); i++) {
                    Object x = Array.get(a, i);
                    Object y = Array.get(b, i);
                    if (type.getComponentType().isPrimitive()) {
                        values++;
                        if (!same(x, y)) {
                            throw new AssertionError(path + "[" + i + "] is " + y + ", expected " + x);
                        }
                    } else {
                        compare(x, y, path + "[" + i + "]");
                    }
                }
                return;
            }
            assertThat(type.getName()).as(path).startsWith("dev.wasmformer.runtime.");
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || SKIPPED.contains(c.getSimpleName() + "." + f.getName())) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object x = f.get(a);
                    Object y = f.get(b);
                    if (f.getType().isPrimitive()) {
                        values++;
                        if (!same(x, y)) {
                            throw new AssertionError(path + "." + f.getName() + " is " + y + ", expected " + x);
                        }
                    } else {
                        compare(x, y, path + "." + f.getName());
                    }
                }
            }
        }

        private static boolean same(Object x, Object y) {
            if (x instanceof Double d) {
                return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits((Double) y);
            }
            return x.equals(y);
        }
    }
}
