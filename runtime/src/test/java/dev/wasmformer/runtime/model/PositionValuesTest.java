package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionValuesTest {
    @Test
    void everyPositionReadsBackTheSameDoublesWhateverTheirEncoding() {
        Random random = new Random(5);
        for (int width : new int[] {1, 3, 64, 65, 130}) {
            PositionValues values = new PositionValues(width);
            List<double[]> expected = new ArrayList<>();
            double[] previous = new double[width];
            for (int j = 0; j < 3000; j++) {
                double[] v = switch (random.nextInt(6)) {
                    case 0 -> previous.clone();                                // a repeat
                    case 1 -> bits(random, width);
                    case 2 -> mixed(random, width);
                    case 3 -> bytes(random, width);
                    case 4 -> {
                        double[] b = bytes(random, width);
                        b[random.nextInt(width)] = switch (random.nextInt(7)) {      // not bytes
                            case 0 -> -0.0;
                            case 1 -> 256.0;                                          // a word
                            case 2 -> 2.5;
                            case 3 -> 0x1p32 - 1;                                     // the largest word
                            case 4 -> 0x1p32;                                         // not a word
                            case 5 -> (double) (random.nextLong() >>> 32);            // a word
                            default -> -1.0;
                        };
                        yield b;
                    }
                    default -> {
                        double[] b = bits(random, width);
                        b[random.nextInt(width)] = random.nextBoolean() ? -0.0 : 2.0;   // not bits
                        yield b;
                    }
                };
                double[] padded = new double[width + 2];
                System.arraycopy(v, 0, padded, 2, width);
                values.append(padded, 2);
                expected.add(v);
                previous = v;
            }
            assertThat(values.size()).isEqualTo(3000);
            for (int j = 0; j < expected.size(); j++) {
                double[] out = new double[width + 1];
                values.copy(j, out, 1);
                double[] copied = java.util.Arrays.copyOfRange(out, 1, width + 1);
                assertThat(copied).as("width %d position %d", width, j)
                        .usingElementComparator(Double::compare).containsExactly(expected.get(j));
                double[] sum = new double[width];
                java.util.Arrays.fill(sum, 0.5);
                values.add(j, sum, 0);
                for (int i = 0; i < width; i++) {
                    assertThat(sum[i]).isEqualTo(0.5 + expected.get(j)[i]);
                }
            }
        }
    }

    @Test
    void aZeroAppendReadsBackAsZerosAndNamesARunOfZerosOnce() {
        Random random = new Random(11);
        for (int width : new int[] {1, 64, 84, 130}) {
            PositionValues values = new PositionValues(width);
            PositionValues plain = new PositionValues(width);
            List<double[]> expected = new ArrayList<>();
            for (int j = 0; j < 2000; j++) {
                int kind = random.nextInt(4);
                double[] v = kind == 0 ? bits(random, width) : kind == 1 ? bytes(random, width) : new double[width];
                if (kind == 2 && random.nextInt(8) == 0) {
                    v[random.nextInt(width)] = -0.0;   // zeros by value, not by bits: not a zero repeat
                }
                boolean zero = kind == 3;
                if (zero) {
                    values.appendZero();
                } else {
                    values.append(v, 0);
                }
                plain.append(v, 0);
                expected.add(v);
            }
            for (int j = 0; j < expected.size(); j++) {
                assertReadsBackBitForBit(values, j, expected.get(j));
                if (j > 0) {
                    // a position shares its predecessor's name exactly when append alone would share it
                    assertThat(values.name(j) == values.name(j - 1)).as("width %d position %d", width, j)
                            .isEqualTo(plain.name(j) == plain.name(j - 1));
                }
            }
        }
    }

    @Test
    void aRepeatDiffersFromTheLastVectorInItsNaNBitsAndItsZeroSigns() {
        double nanA = Double.longBitsToDouble(0x7ff8000000000001L);
        double nanB = Double.longBitsToDouble(0x7ff8000000000002L);
        PositionValues values = new PositionValues(3);
        double[][] vectors = {{1, nanA, 0}, {1, nanB, 0}, {1, nanB, 0}, {0, 0, 0}, {0, -0.0, 0}, {0, 0, 0}};
        for (double[] v : vectors) {
            values.append(v, 0);
        }
        for (int j = 0; j < vectors.length; j++) {
            double[] out = new double[3];
            values.copy(j, out, 0);
            for (int i = 0; i < 3; i++) {
                assertThat(Double.doubleToRawLongBits(out[i])).as("position %d component %d", j, i)
                        .isEqualTo(Double.doubleToRawLongBits(vectors[j][i]));
            }
        }
    }

    @Test
    void aVectorOfBitsButOneNearMissReadsBackBitForBit() {
        // Doubles whose raw bits differ from +0.0's or 1.0's by little: the sign, bit 52 alone
        // (the one a bit is read from), the lowest mantissa bit, a NaN with 1.0's exponent.
        double[] nearMisses = {-0.0, Double.MIN_NORMAL, Double.MIN_VALUE, Math.nextUp(1.0), Math.nextDown(1.0),
                -1.0, 3.0, 2.0, 0.5, Double.longBitsToDouble(0x7ff0000000000001L), Double.POSITIVE_INFINITY};
        Random random = new Random(7);
        for (int width : new int[] {1, 63, 64, 65, 128, 130}) {
            PositionValues values = new PositionValues(width);
            List<double[]> expected = new ArrayList<>();
            for (int j = 0; j < 400; j++) {
                double[] v = bits(random, width);
                if (j % 2 == 1) {
                    v[random.nextInt(width)] = nearMisses[random.nextInt(nearMisses.length)];
                }
                values.append(v, 0);
                expected.add(v);
            }
            for (int j = 0; j < expected.size(); j++) {
                assertReadsBackBitForBit(values, j, expected.get(j));
            }
        }
    }

    private static double[] bits(Random random, int width) {
        double[] v = new double[width];
        for (int i = 0; i < width; i++) {
            v[i] = random.nextBoolean() ? 1.0 : 0.0;
        }
        return v;
    }

    private static double[] bytes(Random random, int width) {
        double[] v = new double[width];
        for (int i = 0; i < width; i++) {
            v[i] = random.nextInt(256);
        }
        return v;
    }

    private static double[] mixed(Random random, int width) {
        double[] v = new double[width];
        for (int i = 0; i < width; i++) {
            v[i] = random.nextInt(3) == 0 ? random.nextGaussian() * 1e6 : random.nextInt(5) - 2;
        }
        return v;
    }

    /** Position j of {@code values} copies out exactly the bits of {@code expected}. */
    private static void assertReadsBackBitForBit(PositionValues values, int j, double[] expected) {
        double[] out = new double[expected.length];
        values.copy(j, out, 0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(out[i])).as("width %d position %d component %d", expected.length, j, i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }
}
