package io.athanor.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Dialect;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class JsonCodecTest extends CodecTestBase {
    static final String TRICKY = "Zoë \"the\" ✓ 😀 it's a back\\slash, {not: json}";

    /** A record with a nested record and a list. */
    public record Address(String street, int number, List<String> tags, Address next) {
    }

    /** A bean. */
    public static class Person {
        private String name;
        private List<Address> addresses = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<Address> getAddresses() {
            return addresses;
        }

        public void setAddresses(List<Address> addresses) {
            this.addresses = addresses;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && Objects.equals(name, p.name) && Objects.equals(addresses, p.addresses);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, addresses);
        }
    }

    /** A {@code Map<String, Object>}, the generic type JSON-B needs. */
    interface Types {
        Map<String, Object> map();

        List<String> list();
    }

    static Type type(String method) throws NoSuchMethodException {
        return Types.class.getMethod(method).getGenericReturnType();
    }

    static Map<String, Object> nestedMap() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("deep", Map.of("quote", "\"", "unicode", "日本語"));
        inner.put("flag", true);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", TRICKY);
        map.put("count", new BigDecimal("42"));
        map.put("price", new BigDecimal("-1234.5678"));
        map.put("list", Arrays.asList(new BigDecimal("1"), "two", false, null, List.of()));
        map.put("nested", inner);
        return map;
    }

    @Test
    void mapsWithNestedValues() throws Exception {
        ColumnCodec codec = Codecs.json(type("map"));
        assertEquals(Map.class, codec.javaType());
        assertEquals(values(nestedMap(), Map.of(), null),
                roundTrip(codec, ColumnSpec.DEFAULT, values(nestedMap(), Map.of(), null)));
    }

    @Test
    void listsOfStrings() throws Exception {
        List<String> list = List.of("a", "ü", "\"q\"", "back\\slash", TRICKY, "");
        assertEquals(values(list, List.of(), null),
                roundTrip(Codecs.json(type("list")), ColumnSpec.DEFAULT, values(list, List.of(), null)));
    }

    @Test
    void recordsAndBeans() throws Exception {
        Address home = new Address(TRICKY, 7, List.of("home", "ü"), new Address("Side St", -1, List.of(), null));
        assertEquals(values(home, null), roundTrip(Codecs.json(Address.class), ColumnSpec.DEFAULT, values(home, null)));
        Person person = new Person();
        person.setName("Ann \"A\" ✓");
        person.setAddresses(List.of(home));
        assertEquals(values(person), roundTrip(Codecs.json(Person.class), ColumnSpec.DEFAULT, values(person)));
    }

    @Test
    void storedJsonIsQueryableAsJson() throws Exception {
        ColumnCodec codec = Codecs.json(type("map"));
        String table = createTable(codec, ColumnSpec.DEFAULT);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            insert(c, table, codec, values(nestedMap()));
            String sql = switch (dialect()) {
                case POSTGRESQL -> "select v ->> 'name', jsonb_typeof(v), v -> 'nested' -> 'deep' ->> 'unicode' from " + table;
                case MARIADB -> "select json_value(v, '$.name'), json_type(v), json_value(v, '$.nested.deep.unicode')"
                        + " from " + table;
                case H2 -> "select cast(v as varchar), case when v is json object then 'object' end, '日本語' from " + table;
            };
            try (ResultSet rs = st.executeQuery(sql)) {
                assertTrue(rs.next());
                if (dialect() == Dialect.H2) {
                    assertTrue(rs.getString(1).startsWith("{"), rs.getString(1));
                } else {
                    assertEquals(TRICKY, rs.getString(1));
                }
                assertEquals("object", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                assertEquals("日本語", rs.getString(3));
            }
            st.execute("drop table " + table);
        }
    }

    @Test
    void ddlTypes() {
        ColumnCodec codec = Codecs.json(Address.class);
        assertEquals(dialect() == Dialect.POSTGRESQL ? "jsonb" : "JSON", codec.ddlType(dialect(), ColumnSpec.DEFAULT));
    }
}
