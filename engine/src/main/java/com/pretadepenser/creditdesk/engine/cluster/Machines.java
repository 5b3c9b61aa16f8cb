package com.pretadepenser.creditdesk.engine.cluster;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The workers of a distributed run, in rank order: {@code host:port} each, the port being the one
 * LightGBM's network listens on at that host. Every worker is given the same list.
 */
public record Machines(List<Machine> list) {
    /** One worker: where it runs and the port LightGBM listens on there. */
    public record Machine(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public Machines {
        list = List.copyOf(list);
    }

    /** Parses {@code host1:port1,host2:port2,...}; at least two workers, no worker twice. */
    public static Machines parse(String text) {
        List<Machine> machines = new ArrayList<>();
        for (String item : text.split(",")) {
            String entry = item.trim();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new CreditDeskException(EngineMessage.CLUSTER_BAD_MACHINES, text, entry);
            }
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new CreditDeskException(EngineMessage.CLUSTER_BAD_MACHINES, text, entry);
            }
            if (port < 1 || port > 65_535) {
                throw new CreditDeskException(EngineMessage.CLUSTER_BAD_MACHINES, text, entry);
            }
            Machine machine = new Machine(entry.substring(0, colon), port);
            if (machines.contains(machine)) {
                throw new CreditDeskException(EngineMessage.CLUSTER_BAD_MACHINES, text, entry);
            }
            machines.add(machine);
        }
        if (machines.size() < 2) {
            throw new CreditDeskException(EngineMessage.CLUSTER_TOO_FEW_MACHINES, text);
        }
        return new Machines(machines);
    }

    public int size() {
        return list.size();
    }

    public Machine get(int rank) {
        return list.get(rank);
    }

    /** Refuses a rank that names no worker of the list. */
    public void requireRank(int rank) {
        if (rank < 0 || rank >= list.size()) {
            throw new CreditDeskException(EngineMessage.CLUSTER_BAD_RANK, rank, list.size(), list.size() - 1);
        }
    }

    /**
     * The list as LightGBM's network takes it: {@code ip:port,...}. LightGBM finds its own rank by
     * matching a local IP address and its listening port, so host names are resolved here.
     */
    public String forLightGbm() {
        StringJoiner joined = new StringJoiner(",");
        for (Machine m : list) {
            try {
                joined.add(InetAddress.getByName(m.host()).getHostAddress() + ":" + m.port());
            } catch (UnknownHostException e) {
                throw new CreditDeskException(e, EngineMessage.CLUSTER_UNKNOWN_HOST, m.host());
            }
        }
        return joined.toString();
    }

    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(",");
        list.forEach(m -> joined.add(m.toString()));
        return joined.toString();
    }
}
