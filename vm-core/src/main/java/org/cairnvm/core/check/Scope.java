package org.cairnvm.core.check;

import java.util.HashMap;
import java.util.Map;
import org.cairnvm.core.ast.Pos;

/** A block of names: universe, package, file (imports), function and nested blocks. */
final class Scope {
    final Scope parent;
    private final Map<String, Symbol> names = new HashMap<>();
    private final Map<String, Pos> positions = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Symbol lookupLocal(String name) {
        return names.get(name);
    }

    Pos positionOf(String name) {
        return positions.get(name);
    }

    /** Declares a name; returns the symbol it already had in this block, or null. */
    Symbol insert(String name, Symbol sym, Pos pos) {
        Symbol old = names.get(name);
        if (old != null) {
            return old;
        }
        names.put(name, sym);
        positions.put(name, pos);
        return null;
    }

    /** Replaces a declaration made earlier as a placeholder (package-level objects resolved lazily). */
    void replace(String name, Symbol sym) {
        names.put(name, sym);
    }
}
