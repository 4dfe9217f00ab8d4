package io.athanor.wildfly.load;

/** The requests of the mix, with their share in percent: 70% reads, 30% writes. */
enum Kind {
    GET_COUNTER(40, "get a counter by id"),
    QUERY_NOTES(30, "query the newest notes of a tag"),
    INCREMENT(15, "increment a counter"),
    INSERT_NOTE(15, "insert a note");

    final int percent;
    final String what;

    Kind(int percent, String what) {
        this.percent = percent;
        this.what = what;
    }

    /** The kind for a draw in [0, 100). */
    static Kind of(int draw) {
        int bound = 0;
        for (Kind k : values()) {
            bound += k.percent;
            if (draw < bound) {
                return k;
            }
        }
        throw new IllegalArgumentException("draw " + draw);
    }
}
