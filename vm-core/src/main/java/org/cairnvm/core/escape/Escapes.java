package org.cairnvm.core.escape;

import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.code.EscapeNote;

/**
 * The decisions of {@link EscapeAnalysis}: which address-taken variables are moved to the heap,
 * which allocation sites stay in the frame, every function's leak summary, and a note for each
 * decision.
 */
public final class Escapes {
    private final Set<Symbol.Var> addressTaken;
    private final Set<Symbol.Var> movedToHeap;
    private final Set<Expr> frameSites;
    private final Set<Expr> allocSites;
    private final Map<Symbol.Func, LeakSummary> summaries;
    private final List<EscapeNote> notes;

    Escapes(Set<Symbol.Var> addressTaken, Set<Symbol.Var> movedToHeap, Set<Expr> allocSites, Set<Expr> frameSites,
            Map<Symbol.Func, LeakSummary> summaries, List<EscapeNote> notes) {
        this.addressTaken = identitySet(addressTaken);
        this.movedToHeap = identitySet(movedToHeap);
        this.allocSites = identitySet(allocSites);
        this.frameSites = identitySet(frameSites);
        this.summaries = new IdentityHashMap<>(summaries);
        // an address-taken parameter can be decided twice with the same words (its address, its value)
        List<EscapeNote> sorted = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(notes));
        sorted.sort(Comparator.comparingInt(EscapeNote::line).thenComparingInt(EscapeNote::column)
                .thenComparing(EscapeNote::message));
        this.notes = List.copyOf(sorted);
    }

    private static <T> Set<T> identitySet(Set<T> from) {
        Set<T> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(from);
        return s;
    }

    /** Whether the program takes the variable's address ({@code &x}, a pointer method on x, slicing array x). */
    public boolean addressTaken(Symbol.Var v) {
        return addressTaken.contains(v);
    }

    /** Whether the variable lives in a heap cell (its address escapes). */
    public boolean movedToHeap(Symbol.Var v) {
        return movedToHeap.contains(v);
    }

    /** Whether {@code site} ({@code new(T)}, {@code &T{...}}, or an elided {@code &T} literal) is an allocation site. */
    public boolean isAllocSite(Expr site) {
        return allocSites.contains(site);
    }

    /** Whether the allocation at {@code site} may live in the frame (it does not escape). */
    public boolean staysInFrame(Expr site) {
        return frameSites.contains(site);
    }

    /** The leak summary of a function (every parameter leaking to the heap for host functions). */
    public LeakSummary summary(Symbol.Func f) {
        return summaries.get(f);
    }

    /** Every decision, sorted by position. */
    public List<EscapeNote> notes() {
        return notes;
    }
}
