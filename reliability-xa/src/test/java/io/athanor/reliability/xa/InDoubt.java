package io.athanor.reliability.xa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * What is still in doubt for one Narayana node: prepared XA branches on PostgreSQL
 * ({@code pg_prepared_xacts}) and MariaDB ({@code XA RECOVER}) whose global transaction id carries
 * the node identifier (Narayana writes it into every Xid it creates), and coordinator logs
 * ({@code AtomicAction} records) left in the object store.
 */
final class InDoubt {
    private InDoubt() {
    }

    /** The gids of this node's (all when {@code node} is null) prepared transactions in the current database. */
    static List<String> postgresql(Connection c, String node) throws SQLException {
        List<String> gids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select gid from pg_prepared_xacts where database = current_database()")) {
            while (rs.next()) {
                String gid = rs.getString(1);
                if (contains(pgGlobalId(gid), node)) {
                    gids.add(gid);
                }
            }
        }
        return gids;
    }

    /** The global transaction id of pgjdbc's gid {@code formatId_base64(gtrid)_base64(bqual)}. */
    private static byte[] pgGlobalId(String gid) {
        String[] parts = gid.split("_");
        if (parts.length != 3) {
            return gid.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return gid.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** This node's (all when null) prepared XA transactions on the MariaDB server (hex of the global id). */
    static List<String> mariadb(Connection c, String node) throws SQLException {
        List<String> xids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("xa recover")) {
            while (rs.next()) {
                int gtridLength = rs.getInt("gtrid_length");
                byte[] data = rs.getBytes("data");
                byte[] gtrid = Arrays.copyOf(data, Math.min(gtridLength, data.length));
                if (contains(gtrid, node)) {
                    xids.add(hex(gtrid));
                }
            }
        }
        return xids;
    }

    /** Narayana's transaction logs still in the object store (each an undecided or unfinished transaction). */
    static List<Path> coordinatorLogs(Path store) {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("AtomicAction"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the id holds the node identifier; every id matches a null node. */
    private static boolean contains(byte[] haystack, String node) {
        if (node == null) {
            return true;
        }
        byte[] needle = node.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
