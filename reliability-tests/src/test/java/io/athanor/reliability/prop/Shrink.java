package io.athanor.reliability.prop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Simpler variants of a failing value, best first: the runner adopts the first one that still
 * fails, then asks again, until none does.
 */
@FunctionalInterface
public interface Shrink<T> {
    List<T> candidates(T value);

    static <T> Shrink<T> none() {
        return v -> List.of();
    }

    /**
     * Delta debugging on a list: remove chunks of half, a quarter, ... down to single elements
     * (never below {@code min} elements), then simplify single elements with {@code element}.
     */
    static <E> Shrink<List<E>> list(int min, Shrink<E> element) {
        return value -> {
            List<List<E>> out = new ArrayList<>();
            int n = value.size();
            for (int chunk = n - min; chunk >= 1; chunk = chunk == 1 ? 0 : Math.max(1, chunk / 2)) {
                for (int start = 0; start + chunk <= n; start += chunk) {
                    List<E> shorter = new ArrayList<>(value.subList(0, start));
                    shorter.addAll(value.subList(start + chunk, n));
                    out.add(shorter);
                }
            }
            for (int i = 0; i < n; i++) {
                for (E simpler : element.candidates(value.get(i))) {
                    List<E> copy = new ArrayList<>(value);
                    copy.set(i, simpler);
                    out.add(copy);
                }
            }
            return out;
        };
    }

    /** A string as a list of UTF-16 units: chunks removed, then single units replaced by {@code 'a'}. */
    static Shrink<String> string() {
        Shrink<List<Character>> chars = list(0, c -> c == 'a' ? List.of() : List.of('a'));
        return s -> {
            List<Character> units = new ArrayList<>(s.length());
            for (char c : s.toCharArray()) {
                units.add(c);
            }
            List<String> out = new ArrayList<>();
            for (List<Character> candidate : chars.candidates(units)) {
                StringBuilder sb = new StringBuilder(candidate.size());
                candidate.forEach(sb::append);
                out.add(sb.toString());
            }
            return out;
        };
    }

    /** A map: entries removed (chunks, then single ones), then single values simplified. */
    static <K, V> Shrink<Map<K, V>> map(Shrink<V> value) {
        return m -> {
            List<Map.Entry<K, V>> entries = new ArrayList<>(m.entrySet());
            List<Map<K, V>> out = new ArrayList<>();
            for (List<Map.Entry<K, V>> candidate : Shrink.<Map.Entry<K, V>>list(0, e -> {
                List<Map.Entry<K, V>> simpler = new ArrayList<>();
                for (V v : value.candidates(e.getValue())) {
                    simpler.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), v));
                }
                return simpler;
            }).candidates(entries)) {
                Map<K, V> copy = new LinkedHashMap<>();
                candidate.forEach(e -> copy.put(e.getKey(), e.getValue()));
                out.add(copy);
            }
            return out;
        };
    }

    /** A pair of values: the first simplified, then the second. */
    static <P, A, B> Shrink<P> pair(Function<P, A> first, Function<P, B> second, BiFunction<A, B, P> make,
                                    Shrink<A> shrinkFirst, Shrink<B> shrinkSecond) {
        return p -> {
            List<P> out = new ArrayList<>();
            for (A a : shrinkFirst.candidates(first.apply(p))) {
                out.add(make.apply(a, second.apply(p)));
            }
            for (B b : shrinkSecond.candidates(second.apply(p))) {
                out.add(make.apply(first.apply(p), b));
            }
            return out;
        };
    }
}
