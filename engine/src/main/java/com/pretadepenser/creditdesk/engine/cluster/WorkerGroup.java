package com.pretadepenser.creditdesk.engine.cluster;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workers' own small channel beside LightGBM's network: one TCP connection from each worker
 * to rank 0, used to meet before LightGBM's network starts, to agree on what every worker must
 * share (the feature schema, the early-stopping AUC of each round, the out-of-fold predictions),
 * and to notice a worker that is gone. It is not a distributed system: rank 0 is the hub, every
 * exchange is "each worker sends its part, rank 0 combines them, every worker gets the result".
 *
 * <p>Why it exists: LightGBM's C API has no way to share a value between workers, and a LightGBM
 * worker whose peer dies can wait on its socket for as long as LightGBM's time-out (minutes,
 * or spinning on a closed socket). Here each connection carries a heartbeat every second; a
 * connection that closes without a goodbye, or is silent for the time-out, makes every worker stop
 * through {@code onLost} (the command line prints the reason and ends the process, which also
 * ends LightGBM's threads), so no worker waits for one that is gone and no model is written.
 *
 * <p>Frames: a type byte, a length, the bytes. Types: hello (rank, machines, fingerprint of the
 * settings), welcome, data, heartbeat, abort (a reason), bye.
 */
public final class WorkerGroup implements AutoCloseable {
    private static final byte HELLO = 1;
    private static final byte WELCOME = 2;
    private static final byte DATA = 3;
    private static final byte HEARTBEAT = 4;
    private static final byte ABORT = 5;
    private static final byte BYE = 6;
    static final long HEARTBEAT_MILLIS = 1_000;
    private static final byte[] POISON = new byte[0];

    private final Machines machines;
    private final int rank;
    private final Duration timeout;
    private final Consumer<String> onLost;
    /** Rank 0: one link per other worker (index = rank, 0 unused); another rank: its link to rank 0 at index 0. */
    private final Link[] links;
    private volatile String lost;
    private volatile boolean finishing;
    private Thread heartbeat;

    private WorkerGroup(Machines machines, int rank, Duration timeout, Consumer<String> onLost) {
        this.machines = machines;
        this.rank = rank;
        this.timeout = timeout;
        this.onLost = onLost;
        this.links = new Link[rank == 0 ? machines.size() : 1];
    }

    /** One connection: its streams, the data frames received, whether the peer said goodbye. */
    private final class Link {
        final int peer;
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;
        final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
        volatile boolean said;

        Link(int peer, Socket socket) throws IOException {
            this.peer = peer;
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        }

        synchronized void send(byte type, byte[] payload) throws IOException {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }

        byte[] read(byte[] type) throws IOException {
            type[0] = in.readByte();
            int length = in.readInt();
            if (length < 0) {
                throw new IOException("a frame of negative length " + length);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return payload;
        }

        String who() {
            return peer == 0 ? "rank 0 (" + machines.get(0).host() + ")" : "worker " + peer + " (" + machines.get(peer) + ")";
        }
    }

    /**
     * Joins the group: rank 0 listens on {@code controlPort} and waits for every other worker; the
     * others connect to rank 0's host at that port, retrying until the time-out. Each sends the
     * fingerprint of its settings, which must equal rank 0's. Returns once every worker is in.
     *
     * @param onLost told, once, why the group broke after it formed (a worker gone or silent, an abort)
     */
    public static WorkerGroup join(Machines machines, int rank, int controlPort, String fingerprint, Duration timeout,
                                   Consumer<String> onLost) {
        machines.requireRank(rank);
        WorkerGroup group = new WorkerGroup(machines, rank, timeout, onLost);
        try {
            if (rank == 0) {
                group.gatherWorkers(controlPort, fingerprint);
            } else {
                group.reachRankZero(controlPort, fingerprint);
            }
        } catch (RuntimeException e) {
            group.closeLinks();
            throw e;
        }
        group.startWatching();
        return group;
    }

    private void gatherWorkers(int controlPort, String fingerprint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            try {
                server.bind(new InetSocketAddress(controlPort));
            } catch (BindException e) {
                throw new CreditDeskException(e, EngineMessage.CLUSTER_PORT_IN_USE, controlPort, "--control-port", e.getMessage());
            }
            int joined = 0;
            while (joined < machines.size() - 1) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw notJoined(controlPort);
                }
                server.setSoTimeout((int) Math.max(1, left));
                Socket socket;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException e) {
                    throw notJoined(controlPort);
                }
                Link link = new Link(-1, socket);
                byte[] type = new byte[1];
                byte[] hello;
                try {
                    hello = link.read(type);
                } catch (IOException e) {
                    socket.close();
                    continue; // not one of ours (a port scan, a worker that died at once): keep waiting
                }
                if (type[0] != HELLO) {
                    socket.close();
                    continue;
                }
                ByteBuffer buffer = ByteBuffer.wrap(hello);
                int peer = buffer.getInt();
                int size = buffer.getInt();
                String theirs = StandardCharsets.UTF_8.decode(buffer).toString();
                String refusal = null;
                if (size != machines.size() || peer <= 0 || peer >= machines.size()) {
                    refusal = new CreditDeskException(EngineMessage.CLUSTER_OTHER_MACHINES, peer, size, machines.size()).getMessage();
                } else if (links[peer] != null) {
                    refusal = new CreditDeskException(EngineMessage.CLUSTER_RANK_TWICE, peer).getMessage();
                } else if (!theirs.equals(fingerprint)) {
                    refusal = new CreditDeskException(EngineMessage.CLUSTER_MISMATCH, peer, theirs, fingerprint).getMessage();
                }
                if (refusal != null) {
                    link.send(ABORT, refusal.getBytes(StandardCharsets.UTF_8));
                    socket.close();
                    abortJoined(refusal);
                    throw new CreditDeskException(EngineMessage.CLUSTER_ABORTED, refusal);
                }
                Link known = new Link(peer, socket);
                links[peer] = known;
                joined++;
            }
            for (int r = 1; r < links.length; r++) {
                links[r].send(WELCOME, new byte[0]);
            }
        } catch (IOException e) {
            abortJoined(e.getMessage());
            throw new CreditDeskException(e, EngineMessage.CLUSTER_CHANNEL_FAILED, machines.get(0).host() + ":" + controlPort, e.getMessage());
        }
    }

    private CreditDeskException notJoined(int controlPort) {
        List<String> missing = new ArrayList<>();
        for (int r = 1; r < links.length; r++) {
            if (links[r] == null) {
                missing.add(r + " (" + machines.get(r) + ")");
            }
        }
        String reason = new CreditDeskException(EngineMessage.CLUSTER_NOT_JOINED, String.join(", ", missing), timeout.toSeconds(),
                controlPort).getMessage();
        abortJoined(reason);
        return new CreditDeskException(EngineMessage.CLUSTER_NOT_JOINED, String.join(", ", missing), timeout.toSeconds(), controlPort);
    }

    /** Tells the workers already in that the group will not form. */
    private void abortJoined(String reason) {
        for (int r = 1; r < links.length; r++) {
            if (links[r] != null) {
                try {
                    links[r].send(ABORT, reason.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // it is gone already
                }
            }
        }
    }

    private void reachRankZero(int controlPort, String fingerprint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String where = machines.get(0).host() + ":" + controlPort;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket socket = new Socket();
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                socket.connect(new InetSocketAddress(machines.get(0).host(), controlPort), (int) Math.min(left, 5_000));
                Link link = new Link(0, socket);
                byte[] print = fingerprint.getBytes(StandardCharsets.UTF_8);
                link.send(HELLO, ByteBuffer.allocate(8 + print.length).putInt(rank).putInt(machines.size()).put(print).array());
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1_000));
                byte[] type = new byte[1];
                byte[] answer = link.read(type);
                if (type[0] == ABORT) {
                    socket.close();
                    throw new CreditDeskException(EngineMessage.CLUSTER_ABORTED, new String(answer, StandardCharsets.UTF_8));
                }
                if (type[0] != WELCOME) {
                    socket.close();
                    throw new CreditDeskException(EngineMessage.CLUSTER_CHANNEL_FAILED, where, "unexpected frame " + type[0]);
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                links[0] = link;
                return;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                throw new CreditDeskException(e, EngineMessage.CLUSTER_NO_RANK_ZERO, where, timeout.toSeconds(), e.getMessage());
            } catch (EOFException e) {
                closeQuietly(socket);
                throw new CreditDeskException(e, EngineMessage.CLUSTER_NO_RANK_ZERO, where, timeout.toSeconds(), "rank 0 closed the connection");
            } catch (IOException e) {
                // Rank 0 not listening yet: try again shortly.
                closeQuietly(socket);
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CreditDeskException(interrupted, EngineMessage.CLUSTER_NO_RANK_ZERO, where, timeout.toSeconds(), "interrupted");
                }
            }
        }
        throw new CreditDeskException(last, EngineMessage.CLUSTER_NO_RANK_ZERO, where, timeout.toSeconds(),
                last == null ? "no answer" : last.getMessage());
    }

    /** One reader per connection, and a heartbeat on each every second. */
    private void startWatching() {
        for (Link link : links) {
            if (link == null) {
                continue;
            }
            Thread reader = new Thread(() -> read(link), "worker-group-reader-" + link.peer);
            reader.setDaemon(true);
            reader.start();
        }
        heartbeat = new Thread(() -> {
            while (!finishing && lost == null) {
                for (Link link : links) {
                    if (link != null && !finishing) {
                        try {
                            link.send(HEARTBEAT, new byte[0]);
                        } catch (IOException e) {
                            lose(link, e.getMessage());
                        }
                    }
                }
                try {
                    Thread.sleep(HEARTBEAT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "worker-group-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    private void read(Link link) {
        byte[] type = new byte[1];
        try {
            while (true) {
                byte[] payload = link.read(type);
                switch (type[0]) {
                    case DATA -> link.inbox.add(payload);
                    case HEARTBEAT -> { }
                    case BYE -> {
                        link.said = true;
                        return;
                    }
                    case ABORT -> {
                        fail(new CreditDeskException(EngineMessage.CLUSTER_ABORTED, new String(payload, StandardCharsets.UTF_8)).getMessage());
                        return;
                    }
                    default -> throw new IOException("unexpected frame " + type[0]);
                }
            }
        } catch (SocketTimeoutException e) {
            lose(link, "silent for " + timeout.toSeconds() + " s");
        } catch (EOFException e) {
            lose(link, "connection closed");
        } catch (IOException e) {
            lose(link, e.getMessage());
        }
    }

    private void lose(Link link, String why) {
        if (finishing || link.said) {
            return;
        }
        fail(new CreditDeskException(EngineMessage.CLUSTER_WORKER_LOST, link.who(), why).getMessage());
    }

    /** The group is broken: the others are told (rank 0 tells every worker), then whoever waits, then {@code onLost}. */
    private synchronized void fail(String reason) {
        if (lost != null || finishing) {
            return;
        }
        lost = reason;
        if (rank == 0) {
            abortJoined(reason);
        }
        try {
            onLost.accept(reason);
        } finally {
            for (Link link : links) {
                if (link != null) {
                    link.inbox.add(POISON);
                }
            }
        }
    }

    public int rank() {
        return rank;
    }

    public int size() {
        return machines.size();
    }

    public Machines machines() {
        return machines;
    }

    /**
     * Every worker sends {@code mine}; rank 0 applies {@code combine} to the parts in rank order and
     * every worker returns its result. All workers call it at the same point of their work.
     */
    public byte[] exchange(byte[] mine, Function<List<byte[]>, byte[]> combine) {
        try {
            if (rank != 0) {
                links[0].send(DATA, mine);
                return take(links[0]);
            }
            List<byte[]> parts = new ArrayList<>(machines.size());
            parts.add(mine);
            for (int r = 1; r < links.length; r++) {
                parts.add(take(links[r]));
            }
            byte[] result = combine.apply(parts);
            for (int r = 1; r < links.length; r++) {
                links[r].send(DATA, result);
            }
            return result;
        } catch (IOException e) {
            fail(new CreditDeskException(EngineMessage.CLUSTER_CHANNEL_FAILED, machines.get(0).host(), e.getMessage()).getMessage());
            throw new CreditDeskException(e, EngineMessage.CLUSTER_CHANNEL_FAILED, machines.get(0).host(), e.getMessage());
        }
    }

    /** Every worker's {@code mine}, in rank order, on every worker. */
    public List<byte[]> allGather(byte[] mine) {
        byte[] all = exchange(mine, parts -> {
            int length = parts.stream().mapToInt(p -> 4 + p.length).sum();
            ByteBuffer joined = ByteBuffer.allocate(length);
            parts.forEach(p -> joined.putInt(p.length).put(p));
            return joined.array();
        });
        List<byte[]> parts = new ArrayList<>(machines.size());
        ByteBuffer buffer = ByteBuffer.wrap(all);
        while (buffer.hasRemaining()) {
            byte[] part = new byte[buffer.getInt()];
            buffer.get(part);
            parts.add(part);
        }
        return parts;
    }

    private byte[] take(Link link) {
        try {
            byte[] frame = link.inbox.take();
            if (frame == POISON) {
                link.inbox.add(POISON);
                throw new CreditDeskException(EngineMessage.CLUSTER_STOPPED, lost);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CreditDeskException(e, EngineMessage.CLUSTER_STOPPED, "interrupted");
        }
    }

    /** Whether the group broke, and why (null while it holds). */
    public String lostReason() {
        return lost;
    }

    /**
     * Waits up to {@code wait} for the group to notice that it broke, and returns why (null if it
     * still holds). For a worker whose LightGBM failed on a socket: the group's own connection to
     * the worker that is gone sees it close within moments, and names that worker.
     */
    public String awaitLost(java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (lost == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lost;
    }

    /**
     * The work is done: says goodbye on every connection, so that a worker ending first is not
     * taken for one that died, and closes them. Called by every worker after the last exchange.
     */
    public void finish() {
        finishing = true;
        for (Link link : links) {
            if (link != null) {
                try {
                    link.send(BYE, new byte[0]);
                } catch (IOException ignored) {
                    // the peer has finished and gone: nothing more to tell it
                }
            }
        }
        closeLinks();
    }

    @Override
    public void close() {
        finishing = true;
        closeLinks();
    }

    private void closeLinks() {
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        for (Link link : links) {
            if (link != null) {
                closeQuietly(link.socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing only
        }
    }
}
