package io.proxima.domain.vm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Puts a guest's rules into the desired order with as few moves as it can. PVE moves one rule per
 * call and every call changes the digest the next one must send, so re-sending all rules (the old
 * way) cost two calls per rule and left the guest half-filtered when a call failed midway. Two
 * plans are compared: settle positions from the top (cheap when a rule was inserted high up) or
 * from the bottom (cheap when one was appended); the next move of the cheaper plan is returned.
 * Callers apply it, read PVE again and ask again; each move shortens the cheaper plan by one, so
 * this ends after at most {@code n} moves.
 */
public final class FirewallOrder {

    /** Move rule {@code id} directly before (or after) rule {@code anchor}. */
    public record Move(String id, String anchor, boolean before) {
    }

    private FirewallOrder() {
    }

    /**
     * The next move that brings {@code current} towards {@code desired}; empty when they agree.
     * Both lists hold the same ids, each once.
     */
    public static Optional<Move> next(List<String> current, List<String> desired) {
        if (current.size() != desired.size() || !new HashSet<>(current).equals(new HashSet<>(desired))
                || new HashSet<>(current).size() != current.size()) {
            throw new IllegalArgumentException("current and desired must hold the same ids once each");
        }
        Plan top = fromTop(current, desired);
        Plan bottom = fromBottom(current, desired);
        if (top.moves == 0) {
            return Optional.empty();
        }
        return Optional.of(top.moves <= bottom.moves ? top.first : bottom.first);
    }

    /**
     * The list after putting {@code item} at index {@code requested} (clamped to the end), or last
     * when {@code requested} is null. Rules from that index on move down by one.
     */
    public static <T> List<T> place(List<T> ordered, T item, Integer requested) {
        List<T> out = new ArrayList<>(ordered);
        out.remove(item);
        int at = requested == null ? out.size() : Math.max(0, Math.min(requested, out.size()));
        out.add(at, item);
        return out;
    }

    /** How many moves {@link #next} will ask for in total from this state (for tests and benches). */
    public static int cost(List<String> current, List<String> desired) {
        return Math.min(fromTop(current, desired).moves, fromBottom(current, desired).moves);
    }

    private record Plan(int moves, Move first) {
    }

    private static Plan fromTop(List<String> current, List<String> desired) {
        List<String> cur = new ArrayList<>(current);
        int moves = 0;
        Move first = null;
        for (int i = 0; i < desired.size(); i++) {
            String want = desired.get(i);
            if (!cur.get(i).equals(want)) {
                if (first == null) {
                    first = new Move(want, cur.get(i), true);
                }
                cur.remove(want);
                cur.add(i, want);
                moves++;
            }
        }
        return new Plan(moves, first);
    }

    private static Plan fromBottom(List<String> current, List<String> desired) {
        List<String> cur = new ArrayList<>(current);
        int moves = 0;
        Move first = null;
        for (int i = desired.size() - 1; i >= 0; i--) {
            String want = desired.get(i);
            if (!cur.get(i).equals(want)) {
                if (first == null) {
                    first = new Move(want, cur.get(i), false);
                }
                cur.remove(want); // it sat above position i, so removing it shifts cur[i] up by one
                cur.add(i, want);
                moves++;
            }
        }
        return new Plan(moves, first);
    }
}
