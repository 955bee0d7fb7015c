package org.imrflow.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Which service instance holds which partitions of a consumer group, from Kafka's admin API. Every consumer's client id
 * starts with its instance's name ({@code imrflow.instance}: {@code intake-service-2} locally, the pod's name in
 * Kubernetes), which is how a member is told apart from the other replicas' members.
 */
public final class PartitionOwners implements AutoCloseable {
    private static final long ANSWER_WITHIN_SECONDS = 15;
    private final Admin admin;

    public PartitionOwners(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /**
     * One group's assignment.
     *
     * @param state      the group's state ({@code Stable} once a rebalance is over)
     * @param byInstance instance name to the partitions its consumers hold; members matching no known instance are
     *                   under their own client id
     * @param unowned    partitions of the group's topics that no member holds
     */
    public record Assignment(String group, String state, Map<String, Set<TopicPartition>> byInstance,
                             Set<TopicPartition> unowned) {

        /** Stable, every partition held, and held only by these instances. */
        public boolean settledOn(Collection<String> instances) {
            return state.equalsIgnoreCase("Stable") && unowned.isEmpty() && instances.containsAll(byInstance.keySet());
        }

        /** Instances among {@code instances} that hold no partition of the group. */
        public List<String> idle(Collection<String> instances) {
            return instances.stream().filter(instance -> byInstance.getOrDefault(instance, Set.of()).isEmpty()).toList();
        }

        /** {@code intake-service-1 12, intake-service-2 12} */
        public String describe() {
            String held = byInstance.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size())
                    .collect(Collectors.joining(", "));
            return group + " (" + state + "): " + (held.isEmpty() ? "no member" : held)
                    + (unowned.isEmpty() ? "" : "; " + unowned.size() + " partitions unowned");
        }
    }

    /** The groups of the cluster whose name starts with {@code prefix} (a service's name: its groups). */
    public List<String> groups(String prefix) {
        try {
            return admin.listConsumerGroups().all().get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS).stream()
                    .map(listing -> listing.groupId()).filter(group -> group.startsWith(prefix)).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Could not list the consumer groups", e);
        }
    }

    /** The group's assignment now, with each member put under the instance its client id starts with. */
    public Assignment of(String group, Collection<String> instances) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS).get(group);
            Map<String, Set<TopicPartition>> byInstance = new TreeMap<>();
            Set<String> topics = new TreeSet<>();
            Set<TopicPartition> owned = new java.util.HashSet<>();
            for (MemberDescription member : description.members()) {
                String instance = instances.stream().filter(name -> member.clientId().startsWith(name + "-"))
                        .max(java.util.Comparator.comparingInt(String::length)).orElse(member.clientId());
                Set<TopicPartition> held = member.assignment().topicPartitions();
                byInstance.computeIfAbsent(instance, name -> new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString)))
                        .addAll(held);
                held.forEach(partition -> topics.add(partition.topic()));
                owned.addAll(held);
            }
            Set<TopicPartition> unowned = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            if (!topics.isEmpty()) {
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                        .get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS).values()) {
                    topic.partitions().forEach(p -> {
                        TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                        if (!owned.contains(partition)) {
                            unowned.add(partition);
                        }
                    });
                }
            }
            return new Assignment(group, String.valueOf(description.groupState()), byInstance, unowned);
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe the consumer group " + group, e);
        }
    }

    /** Every group of a service ({@link #groups}), each as {@link #of}. */
    public List<Assignment> ofService(ImrService service, Collection<String> instances) {
        List<Assignment> assignments = new ArrayList<>();
        for (String group : groups(service.serviceName())) {
            assignments.add(of(group, instances));
        }
        return assignments;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
