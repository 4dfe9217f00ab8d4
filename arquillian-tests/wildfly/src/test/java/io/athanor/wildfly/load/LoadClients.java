package io.athanor.wildfly.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Client threads sending a fixed number of requests of the mix ({@link Kind}) to the load resource, as fast as
 * the server answers. Every answer is checked as it arrives (status 2xx, the expected shape); what went wrong is
 * collected, not thrown, so one run reports all of it. Records each request's latency, the increments that
 * succeeded per counter and the ids the inserts returned.
 */
final class LoadClients {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] TAGS = {"red", "green", "blue", "amber", "violet", "grey", "teal", "rose"};

    private final HttpClient http;
    private final String api;
    private final List<Long> counterIds;

    /** Increments that answered 2xx, per counter id. */
    final Map<Long, AtomicInteger> increments = new ConcurrentHashMap<>();
    /** The ids the inserts answered. */
    final Set<Long> insertedIds = ConcurrentHashMap.newKeySet();
    final AtomicInteger inserts = new AtomicInteger();
    /** What went wrong, a line each. */
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    LoadClients(HttpClient http, String api, List<Long> counterIds) {
        this.http = http;
        this.api = api;
        this.counterIds = counterIds;
        counterIds.forEach(id -> increments.put(id, new AtomicInteger()));
    }

    /** The latencies of one run, by request, and its wall time. */
    record Run(Kind[] kinds, long[] nanos, long wallNanos) {
        List<Long> latencies(Kind kind) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < nanos.length; i++) {
                if (kind == null || kinds[i] == kind) {
                    out.add(nanos[i]);
                }
            }
            return out;
        }

        Map<Kind, Integer> counts() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind k : kinds) {
                counts.merge(k, 1, Integer::sum);
            }
            return counts;
        }
    }

    /** Sends {@code requests} requests from {@code clients} threads; each thread draws from its own seeded random. */
    Run run(int requests, int clients, long seed) throws Exception {
        Kind[] kinds = new Kind[requests];
        AtomicLongArray nanos = new AtomicLongArray(requests);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(seed + c);
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Kind kind = Kind.of(random.nextInt(100));
                        kinds[i] = kind;
                        long t0 = System.nanoTime();
                        send(kind, random);
                        nanos.set(i, System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        long[] out = new long[requests];
        for (int i = 0; i < requests; i++) {
            out[i] = nanos.get(i);
        }
        return new Run(kinds, out, wall);
    }

    private void send(Kind kind, SplittableRandom random) {
        long counter = counterIds.get(random.nextInt(counterIds.size()));
        String tag = TAGS[random.nextInt(TAGS.length)];
        String request = null;
        try {
            switch (kind) {
                case GET_COUNTER -> {
                    request = "GET counters/" + counter;
                    String body = call(get("counters/" + counter), request);
                    if (body != null && !body.matches(counter + " \\d+")) {
                        failures.add(request + ": unexpected answer '" + body + "'");
                    }
                }
                case QUERY_NOTES -> {
                    request = "GET notes?tag=" + tag;
                    String body = call(get("notes?tag=" + tag), request);
                    if (body != null) {
                        checkNotes(request, tag, body);
                    }
                }
                case INCREMENT -> {
                    request = "POST counters/" + counter + "/increment";
                    String body = call(post("counters/" + counter + "/increment"), request);
                    if (body != null) {
                        if (body.equals("incremented " + counter)) {
                            increments.get(counter).incrementAndGet();
                        } else {
                            failures.add(request + ": unexpected answer '" + body + "'");
                        }
                    }
                }
                case INSERT_NOTE -> {
                    request = "POST notes?tag=" + tag;
                    String body = call(post("notes?tag=" + tag), request);
                    if (body != null) {
                        if (!body.matches("[1-9]\\d*")) {
                            failures.add(request + ": unexpected answer '" + body + "'");
                        } else if (!insertedIds.add(Long.parseLong(body))) {
                            failures.add(request + ": id " + body + " answered twice");
                        } else {
                            inserts.incrementAndGet();
                        }
                    }
                }
            }
        } catch (Exception e) {
            failures.add((request == null ? kind.name() : request) + ": " + e);
        }
    }

    /** "notes tag n", then n (at most 5) lines "id tag" with ids descending. */
    private void checkNotes(String request, String tag, String body) {
        String[] lines = body.split("\n", -1);
        String[] head = lines[0].split(" ");
        boolean ok = head.length == 3 && head[0].equals("notes") && head[1].equals(tag) && head[2].matches("[0-5]")
                && Integer.parseInt(head[2]) == lines.length - 1;
        long previous = Long.MAX_VALUE;
        for (int i = 1; ok && i < lines.length; i++) {
            String[] row = lines[i].split(" ");
            ok = row.length == 2 && row[0].matches("[1-9]\\d*") && row[1].equals(tag) && Long.parseLong(row[0]) < previous;
            previous = ok ? Long.parseLong(row[0]) : previous;
        }
        if (!ok) {
            failures.add(request + ": unexpected answer '" + body.replace("\n", "\\n") + "'");
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** The body of a 2xx answer, or {@code null} with the failure recorded. */
    private String call(HttpRequest request, String what) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String body = r.body();
            failures.add(what + ": status " + r.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body).replace("\n", "\\n"));
            return null;
        }
        return r.body();
    }
}
