package dev.routeplan.planning.benchmark;

import java.util.List;

/**
 * A Solomon VRPTW instance as written in its text file: node 0 is the depot (its due date is the
 * horizon), nodes 1..n the customers. All figures are in the instance's own units.
 */
public record SolomonInstance(String name, int vehicles, int capacity, Node depot, List<Node> customers) {

    /** One line of the CUSTOMER section. */
    public record Node(int id, int x, int y, int demand, int ready, int due, int service) {
    }

    public SolomonInstance {
        customers = List.copyOf(customers);
    }

    /** The instance cut down to its first {@code count} customers, for quick tests. */
    public SolomonInstance firstCustomers(int count) {
        return new SolomonInstance(name + "-" + count, vehicles, capacity, depot, customers.subList(0, count));
    }

    public Node customer(int id) {
        Node node = customers.get(id - 1);
        if (node.id() != id) {
            throw new IllegalArgumentException(name + ": customers are not numbered 1.." + customers.size());
        }
        return node;
    }

    /** Euclidean distance in double precision, never rounded: the convention of our comparisons. */
    public static double distance(Node a, Node b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        return Math.sqrt(dx * dx + dy * dy);
    }
}
