package org.imrflow.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * Checks, before anything starts, that the ports a stack needs are free, and says who holds one that is not: on
 * Linux the listening socket is looked up in {@code /proc/net/tcp*} and its owner among {@code /proc/<pid>/fd}.
 */
final class PortCheck {
    /** A port a part of the stack needs. */
    record Wanted(String host, int port, String forWhat) {
    }

    /** The process listening on a port, as far as /proc tells. */
    record Holder(long pid, String command) {
    }

    private PortCheck() {
    }

    /** Fails with one message naming every port that is taken, what holds it and what to do. */
    static void requireFree(List<Wanted> wanted) {
        List<String> problems = new ArrayList<>();
        for (Wanted want : wanted) {
            if (!isFree(want.host(), want.port())) {
                problems.add(describeTaken(want));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), problems));
        }
    }

    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers themselves bind: connections of an earlier run in TIME_WAIT do not block the port
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String describeTaken(Wanted want) {
        String where = want.host() + ":" + want.port();
        return holder(want.port())
                .map(holder -> "Port " + where + ", which " + want.forWhat() + " needs, is in use by pid " + holder.pid()
                        + " (" + holder.command() + "). Stop that process (kill " + holder.pid() + ") or free the port;"
                        + " if it is another IMR Flow, stop it with Ctrl-C in its terminal.")
                .orElse("Port " + where + ", which " + want.forWhat() + " needs, is in use by a process this user cannot"
                        + " see (try: ss -ltnp 'sport = :" + want.port() + "'). Stop it or free the port, then start again.");
    }

    /** Who listens on {@code port} (any address, IPv4 or IPv6); empty where /proc does not tell. */
    static Optional<Holder> holder(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            inodes.addAll(listeningInodes(Path.of(table), port));
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString().matches("[0-9]+"))) {
            for (Path process : processes) {
                if (ownsSocket(process, inodes)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    return Optional.of(new Holder(pid, command(process)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Inodes of the sockets in state LISTEN (0A) on the port, from one /proc/net/tcp table. */
    static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        if (!Files.isReadable(table)) {
            return inodes;
        }
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(":" + hexPort) && fields[3].equals("0A")) {
                    inodes.add(fields[9]);
                }
            }
        } catch (IOException e) {
            return inodes;
        }
        return inodes;
    }

    private static boolean ownsSocket(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException gone) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    private static String command(Path process) {
        try {
            String line = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
            return line.length() > 200 ? line.substring(0, 197) + "..." : line;
        } catch (IOException e) {
            return "command unknown";
        }
    }
}
