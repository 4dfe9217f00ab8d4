package io.athanor.core.guards;

import io.athanor.SessionMaker;

/**
 * Two committed guilds: g1 with members m1, m2, guests u1, u2 and memos n1, n2; g2 with member m3,
 * guest u3 and memo n3. The fields keep the objects (and so their keys) after the set-up session.
 */
final class Seed {
    final Guild g1 = new Guild("g1");
    final Guild g2 = new Guild("g2");
    final Member m1 = new Member("m1");
    final Member m2 = new Member("m2");
    final Member m3 = new Member("m3");
    final Guest u1 = new Guest("u1");
    final Guest u2 = new Guest("u2");
    final Guest u3 = new Guest("u3");
    final Memo n1 = new Memo("n1");
    final Memo n2 = new Memo("n2");
    final Memo n3 = new Memo("n3");

    Seed(SessionMaker keepLoaded) {
        g1.members.add(m1);
        g1.members.add(m2);
        g2.members.add(m3);
        g1.guests.add(u1);
        g1.guests.add(u2);
        g2.guests.add(u3);
        g1.memos.add(n1);
        g1.memos.add(n2);
        g2.memos.add(n3);
        keepLoaded.transaction(s -> {
            s.add(g1);
            s.add(g2);
        });
    }
}
