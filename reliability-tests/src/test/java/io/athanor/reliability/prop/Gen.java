package io.athanor.reliability.prop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values: everything it draws comes from the {@link SplittableRandom} it is
 * given, so one seed always yields the same value.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom random);

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    /** Values passing {@code accept}; gives up after 1,000 rejections in a row. */
    default Gen<T> filter(Predicate<? super T> accept) {
        return r -> {
            for (int i = 0; i < 1000; i++) {
                T value = next(r);
                if (accept.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejected 1,000 values in a row");
        };
    }

    /** Lists of {@code min} to {@code max} elements; short lists (and the shortest) come more often than in a uniform draw. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = size(r, min, max);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    static <T> Gen<T> constant(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> copy = List.of(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    static Gen<Integer> ints(int min, int max) {
        return r -> r.nextInt(min, max + 1);
    }

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** A weighted choice; a weight of 0 leaves its generator out. */
    static <T> Frequency<T> frequency() {
        return new Frequency<>();
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code chars}. */
    static Gen<String> strings(String chars, int min, int max) {
        return r -> {
            int n = size(r, min, max);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
            return sb.toString();
        };
    }

    /** Strings of {@code min} to {@code max} UTF-16 units, each from {@code unit}. */
    static Gen<String> strings(Gen<Character> unit, int min, int max) {
        return r -> {
            int n = size(r, min, max);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(unit.next(r).charValue());
            }
            return sb.toString();
        };
    }

    /**
     * Any UTF-16 unit, biased towards what breaks text handling: ASCII punctuation and controls,
     * NUL, unpaired and paired surrogates, non-characters, and otherwise any unit at all.
     */
    static Gen<Character> anyChar() {
        String special = "'\"`\\:?$;-/*#%_\n\r\t\0 ";
        return r -> switch (r.nextInt(6)) {
            case 0 -> special.charAt(r.nextInt(special.length()));
            case 1 -> (char) r.nextInt(0, 0x80);
            case 2 -> (char) r.nextInt(0xD800, 0xE000);
            case 3 -> (char) (r.nextBoolean() ? 0xFFFF - r.nextInt(3) : 0xFEFF);
            default -> (char) r.nextInt(0, 0x10000);
        };
    }

    /** Maps of up to {@code max} entries (fewer when keys repeat), in insertion order. */
    static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int max) {
        return r -> {
            int n = size(r, 0, max);
            Map<K, V> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(keys.next(r), values.next(r));
            }
            return out;
        };
    }

    /** A size in [min, max]: the minimum one time in eight, otherwise uniform. */
    static int size(SplittableRandom r, int min, int max) {
        if (max <= min || r.nextInt(8) == 0) {
            return min;
        }
        return r.nextInt(min, max + 1);
    }

    /** The builder of {@link #frequency()}. */
    final class Frequency<T> implements Gen<T> {
        private final List<Integer> weights = new ArrayList<>();
        private final List<Gen<? extends T>> gens = new ArrayList<>();
        private int total;

        public Frequency<T> add(int weight, Gen<? extends T> gen) {
            if (weight < 0) {
                throw new IllegalArgumentException("a negative weight");
            }
            if (weight > 0) {
                weights.add(weight);
                gens.add(gen);
                total += weight;
            }
            return this;
        }

        @Override
        public T next(SplittableRandom random) {
            int pick = random.nextInt(total);
            for (int i = 0; i < gens.size(); i++) {
                pick -= weights.get(i);
                if (pick < 0) {
                    return gens.get(i).next(random);
                }
            }
            throw new AssertionError("unreachable");
        }
    }
}
