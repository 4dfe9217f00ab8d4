package io.athanor.ext.asyncio;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor: a fixed number of named daemon platform threads, idle ones ending after a minute. */
final class WorkerThreads implements ThreadFactory {
    private static final AtomicInteger MAKERS = new AtomicInteger();
    private final String prefix = "athanor-async-" + MAKERS.incrementAndGet() + "-";
    private final AtomicInteger count = new AtomicInteger();

    private WorkerThreads() {
    }

    static ExecutorService pool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
