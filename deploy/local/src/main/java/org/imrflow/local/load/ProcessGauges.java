package org.imrflow.local.load;

import org.imrflow.local.LocalSystem;
import org.imrflow.local.LocalSystem.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each process of the stack uses, read from /proc: CPU seconds (user + system, with PostgreSQL's backends, which
 * are the postmaster's children) and resident memory. Sampled through the run for each service's peak RSS, and read
 * at its start and end for the CPU each process took: on two cores, the first thing to know is who has them.
 */
final class ProcessGauges {
    static final String GENERATOR = "load generator";
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux everywhere

    private final LocalSystem system;
    private final Map<Component, Long> peakRssMiB = new EnumMap<>(Component.class);

    ProcessGauges(LocalSystem system) {
        this.system = system;
    }

    /** CPU seconds so far of every process of the stack (a service's replicas together), and of this generator. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Component component : Component.values()) {
            List<Long> pids = pids(component);
            if (!pids.isEmpty()) {
                cpu.put(component.label(), pids.stream().flatMap(ProcessGauges::withDescendants).mapToDouble(ProcessGauges::cpu).sum());
            }
        }
        cpu.put(GENERATOR, cpu(ProcessHandle.current().pid()));
        return cpu;
    }

    /** Resident memory now, MiB, of each service (its largest replica); also kept as the peak. */
    synchronized Map<Component, Long> sampleServiceRss() {
        Map<Component, Long> now = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            if (component.isService()) {
                pids(component).stream().map(org.imrflow.local.ChildProcess::residentMemoryMiB).flatMap(java.util.Optional::stream)
                        .max(Long::compare).ifPresent(rss -> {
                    now.put(component, rss);
                    peakRssMiB.merge(component, rss, Math::max);
                });
            }
        }
        return now;
    }

    synchronized Map<Component, Long> peakServiceRss() {
        return new EnumMap<>(peakRssMiB);
    }

    /** The component's processes: a service's every replica. */
    private List<Long> pids(Component component) {
        try {
            if (component.isService()) {
                return system.replicas(component.service()).stream().map(org.imrflow.local.ServiceProcess::pid).toList();
            }
            return List.of(system.pid(component));
        } catch (RuntimeException notRunningHere) {
            return List.of(); // e.g. PostgreSQL and Kafka in containers
        }
    }

    private static Stream<Long> withDescendants(long pid) {
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid));
    }

    /** utime + stime of one process, seconds; 0 when it is gone. */
    static double cpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count from the closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
