package org.cairnvm.core.check;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.types.Type;

/**
 * Everything the checker learned, keyed by node identity.
 *
 * <ul>
 * <li>{@code types}: every expression's type. Untyped constants get the type their context
 * converts them to ({@code int} by default); {@code nil} gets the pointer, slice or channel type
 * it is used as.</li>
 * <li>{@code constants}: every constant expression's value ({@link java.math.BigInteger},
 * {@link Boolean} or {@code byte[]}), already converted and range-checked.</li>
 * <li>{@code defs}: identifiers that declare a symbol (var, :=, params, receivers, range
 * variables, funcs, types, consts). {@code _} declares nothing and is absent.</li>
 * <li>{@code uses}: identifiers that refer to a symbol.</li>
 * <li>{@code selections}: what each {@code x.sel} selects.</li>
 * <li>{@code functions}: every function and method, in declaration order.</li>
 * <li>{@code globalInitOrder}: global var specs in Go's initialisation order (dependencies first).</li>
 * </ul>
 */
public final class TypeInfo {
    public final SourceFile file;
    public final Map<Expr, Type> types = new IdentityHashMap<>();
    public final Map<Expr, Object> constants = new IdentityHashMap<>();
    public final Map<Expr.Ident, Symbol> defs = new IdentityHashMap<>();
    public final Map<Expr.Ident, Symbol> uses = new IdentityHashMap<>();
    public final Map<Expr.Selector, Selection> selections = new IdentityHashMap<>();
    public final List<Symbol.Func> functions = new ArrayList<>();
    public final List<VarSpec> globalInitOrder = new ArrayList<>();
    /** Global variables in declaration order. */
    public final List<Symbol.Var> globals = new ArrayList<>();

    public TypeInfo(SourceFile file) {
        this.file = file;
    }

    /** The symbol an identifier declares or refers to, or null. */
    public Symbol symbol(Expr.Ident id) {
        Symbol s = defs.get(id);
        return s != null ? s : uses.get(id);
    }

    public Type typeOf(Expr e) {
        return types.get(e);
    }

    public boolean isConstant(Expr e) {
        return constants.containsKey(e);
    }
}
