package io.athanor.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.IdentityKey;
import io.athanor.core.model.Item;
import io.athanor.core.model.User;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.mapping.Registry;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The open-addressing identity map agrees with a {@code HashMap<IdentityKey, StateImpl>} under random use. */
class IdentityMapTest {
    private final RegistryImpl registry = (RegistryImpl) Registry.of(User.class, Item.class);
    private final Mapper users = registry.mapper(User.class);
    private final Mapper items = registry.mapper(Item.class);

    private StateImpl state(Mapper m) {
        Object obj = m.type() == User.class ? new User("u") : new Item("i");
        return StateImpl.transientState(m, (Enhanced) obj);
    }

    @Test
    void randomPutsGetsAndRemovesAgreeWithAHashMap() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            IdentityMap map = new IdentityMap();
            Map<IdentityKey, StateImpl> model = new HashMap<>();
            int range = 5 + random.nextInt(3_000); // small ranges collide and remove a lot
            for (int step = 0; step < 4_000; step++) {
                Mapper m = random.nextBoolean() ? users : items;
                Long id = (long) random.nextInt(range) * (random.nextInt(4) == 0 ? 1024 : 1); // clustered hashes too
                IdentityKey key = new IdentityKey(m.type(), id);
                int op = random.nextInt(10);
                if (op < 5) {
                    StateImpl s = state(m);
                    map.put(m.type(), id, s);
                    model.put(key, s);
                } else if (op < 8) {
                    assertSame(model.remove(key), map.remove(m.type(), id), "seed " + seed + " step " + step);
                } else {
                    assertSame(model.get(key), map.get(key), "seed " + seed + " step " + step);
                }
                assertEquals(model.size(), map.size(), "seed " + seed + " step " + step);
            }
            for (Map.Entry<IdentityKey, StateImpl> e : model.entrySet()) {
                assertSame(e.getValue(), map.get(e.getKey()), "seed " + seed);
            }
            Set<StateImpl> values = new HashSet<>(map.values());
            assertEquals(new HashSet<>(model.values()), values, "seed " + seed);
            Map<IdentityKey, StateImpl> seen = new HashMap<>();
            map.forEach(seen::put);
            assertEquals(model, seen, "seed " + seed);
        }
    }

    @Test
    void theSameKeyValueOfTwoClassesIsTwoEntries() {
        IdentityMap map = new IdentityMap();
        StateImpl u = state(users);
        StateImpl i = state(items);
        map.put(User.class, 7L, u);
        map.put(Item.class, 7L, i);
        assertSame(u, map.get(User.class, 7L));
        assertSame(i, map.get(Item.class, 7L));
        assertSame(u, map.remove(User.class, 7L));
        assertNull(map.get(User.class, 7L));
        assertSame(i, map.get(Item.class, 7L));
    }

    @Test
    void aNullKeyIsNeverAnEntry() {
        IdentityMap map = new IdentityMap();
        assertNull(map.get(User.class, null));
        assertNull(map.remove(User.class, null));
        assertThrows(IllegalArgumentException.class, () -> map.put(User.class, null, state(users)));
        assertThrows(IllegalArgumentException.class, () -> map.put(Item.class, 1L, state(users)));
    }

    @Test
    void changingTheMapWhileIteratingFailsFast() {
        IdentityMap map = new IdentityMap();
        map.put(User.class, 1L, state(users));
        map.put(User.class, 2L, state(users));
        assertThrows(ConcurrentModificationException.class, () -> {
            for (StateImpl s : map.values()) {
                map.put(User.class, 3L, state(users));
            }
        });
    }

    @Test
    void statesAreVisitedInTheOrderTheyEnteredEvenAcrossRemovalsAndGrowth() {
        IdentityMap map = new IdentityMap();
        java.util.List<StateImpl> expected = new java.util.ArrayList<>();
        for (long id = 0; id < 3_000; id++) {
            StateImpl s = state(users);
            map.put(User.class, id * 7919 % 3_001, s); // not in key order
            expected.add(s);
        }
        for (long id = 0; id < 3_000; id += 3) {
            expected.remove(map.remove(User.class, id * 7919 % 3_001));
        }
        for (long id = 5_000; id < 7_000; id++) { // removed entries are dropped while the arrays fill up
            StateImpl s = state(items);
            map.put(Item.class, id, s);
            expected.add(s);
        }
        StateImpl replacement = state(users);
        int at = expected.indexOf(map.get(User.class, 7919L % 3_001));
        map.put(User.class, 7919L % 3_001, replacement); // a replaced state keeps its place
        expected.set(at, replacement);
        assertEquals(expected, new java.util.ArrayList<>(map.values()));
        java.util.List<StateImpl> visited = new java.util.ArrayList<>();
        map.forEach((k, s) -> visited.add(s));
        assertEquals(expected, visited);
    }

    @Test
    void sequentialStridedAndClusteredKeysAllFindTheirEntryInAFewSlots() {
        long[][] patterns = {
            {1, 1}, {1_000_000, 1}, {0, 2}, {0, 128}, {0, 1024}, {0, 4096}, {0, 1L << 20}, {0, 1L << 32},
        };
        for (long[] p : patterns) {
            IdentityMap map = new IdentityMap();
            int n = 50_000;
            for (int k = 0; k < n; k++) {
                map.put(User.class, p[0] + k * p[1], state(users));
            }
            long visited = 0;
            int worst = 0;
            for (int k = 0; k < n; k++) {
                int v = map.slotsVisited(User.class, p[0] + k * p[1]);
                visited += v;
                worst = Math.max(worst, v);
            }
            String pattern = "start " + p[0] + ", stride " + p[1];
            assertTrue(visited / (double) n < 3, pattern + ": " + visited / (double) n + " slots a lookup on average");
            assertTrue(worst < 64, pattern + ": a lookup visits " + worst + " slots");
        }
    }

    @Test
    void clearEmptiesAndTheMapIsUsableAfter() {
        IdentityMap map = new IdentityMap();
        for (long id = 0; id < 5_000; id++) {
            map.put(User.class, id, state(users));
        }
        assertEquals(5_000, map.size());
        map.clear();
        assertEquals(0, map.size());
        assertNull(map.get(User.class, 10L));
        StateImpl s = state(users);
        map.put(User.class, 10L, s);
        assertSame(s, map.get(User.class, 10L));
    }
}
