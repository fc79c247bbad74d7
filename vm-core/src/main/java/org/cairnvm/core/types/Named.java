package org.cairnvm.core.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared type ({@code type Tree struct {...}}). Identity is the declaration; the underlying
 * type is set once the checker has resolved it, which allows recursive types
 * ({@code type Node struct { next *Node }}).
 */
public final class Named implements Type {
    private final String name;
    private Type underlying;
    private final List<Method> methods = new ArrayList<>();

    /**
     * A method declared on this type.
     *
     * @param name method name
     * @param pointerReceiver whether the receiver is {@code *T}
     * @param signature parameters (receiver excluded) and result
     * @param function the function's index among the program's functions, assigned by the checker
     */
    public record Method(String name, boolean pointerReceiver, Type.Func signature, Object function) {
    }

    public Named(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Type underlying() {
        return underlying;
    }

    public void setUnderlying(Type t) {
        this.underlying = t;
    }

    public List<Method> methods() {
        return methods;
    }

    public Method method(String methodName) {
        for (Method m : methods) {
            if (m.name().equals(methodName)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
