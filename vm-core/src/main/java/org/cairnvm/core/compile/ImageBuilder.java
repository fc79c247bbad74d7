package org.cairnvm.core.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.code.ChanObject;
import org.cairnvm.core.code.HostImport;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.types.Named;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

/**
 * What the functions of one program share: function and host-function numbering, global word
 * offsets, heap layouts (one per distinct object or element type, id 0 for strings) and the
 * static region, where string literal objects follow the globals so that a literal's value is a
 * constant address.
 */
final class ImageBuilder {
    final TypeInfo info;
    final Map<Symbol.Func, Integer> functionIndex = new IdentityHashMap<>();
    final Map<Symbol.Func, Integer> hostIndex = new IdentityHashMap<>();
    final List<HostImport> hosts = new ArrayList<>();
    final Map<Symbol.Var, Integer> globalOffset = new IdentityHashMap<>();
    final int globalWords;
    final int[] paramWords;
    final int[] resultWords;
    final int initIndex;
    private final List<Layout> layouts = new ArrayList<>();
    private final Map<String, Integer> layoutIds = new HashMap<>();
    private final List<Long> strings = new ArrayList<>();
    private final Map<String, Long> stringAddress = new HashMap<>();
    private final List<String> stringText = new ArrayList<>();

    ImageBuilder(TypeInfo info, boolean needsInit) {
        this.info = info;
        int n = 0;
        for (Symbol.Func f : info.functions) {
            if (f.isHost()) {
                Type.Func sig = f.signature();
                int words = 0;
                for (Type t : sig.params()) {
                    words += Types.words(t);
                }
                hostIndex.put(f, hosts.size());
                hosts.add(new HostImport(f.name(), words, sig.result() == null ? 0 : Types.words(sig.result()),
                        f.decl().pos().line(), f.decl().pos().col()));
            } else {
                functionIndex.put(f, n++);
            }
        }
        initIndex = needsInit ? n++ : -1;
        paramWords = new int[n];
        resultWords = new int[n];
        for (Map.Entry<Symbol.Func, Integer> e : functionIndex.entrySet()) {
            paramWords[e.getValue()] = paramWordsOf(e.getKey());
            Type r = e.getKey().signature().result();
            resultWords[e.getValue()] = r == null ? 0 : Types.words(r);
        }
        int g = 0;
        for (Symbol.Var v : info.globals) {
            globalOffset.put(v, g);
            g += Types.words(v.type());
        }
        globalWords = g;
        layouts.add(new Layout(Layout.STRING, "string", 0, new BitSet()));
        layoutIds.put("string", Layout.STRING);
    }

    static int paramWordsOf(Symbol.Func f) {
        int words = f.receiverType() != null ? (f.pointerReceiver() ? 1 : Types.words(f.receiverType())) : 0;
        for (Type t : f.signature().params()) {
            words += Types.words(t);
        }
        return words;
    }

    /** The layout of objects (or slice backing arrays) whose unit is a value of type t. */
    int layout(Type t) {
        String name = qualified(t);
        Integer id = layoutIds.get(name);
        if (id == null) {
            id = layouts.size();
            layouts.add(new Layout(id, name, Types.words(t), Types.pointerMap(t)));
            layoutIds.put(name, id);
        }
        return id;
    }

    /** The layout of a slice's backing array of elements of type t, named {@code []T}. */
    int sliceLayout(Type t) {
        String name = "[]" + qualified(t);
        Integer id = layoutIds.get(name);
        if (id == null) {
            id = layouts.size();
            layouts.add(new Layout(id, name, Types.words(t), Types.pointerMap(t)));
            layoutIds.put(name, id);
        }
        return id;
    }

    /**
     * The one layout of channel objects, registered on first use. Its name has no type syntax
     * in it, so it cannot collide with a layout named after a type.
     */
    int chanLayout() {
        Integer id = layoutIds.get(ChanObject.LAYOUT_NAME);
        if (id == null) {
            id = layouts.size();
            layouts.add(new Layout(id, ChanObject.LAYOUT_NAME, ChanObject.WORDS, ChanObject.pointers()));
            layoutIds.put(ChanObject.LAYOUT_NAME, id);
        }
        return id;
    }

    /** The address of a string literal's object in the static region (0 for the empty string). */
    long string(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        String key = new String(bytes, StandardCharsets.ISO_8859_1);
        Long a = stringAddress.get(key);
        if (a != null) {
            return a;
        }
        int payload = 1 + (bytes.length + 7) / 8;
        int headerAt = globalWords + strings.size();
        strings.add(Layout.header(Layout.STRING, payload));
        long address = Image.STATIC_BASE + 8L * (headerAt + 1);
        strings.add((long) bytes.length);
        for (int w = 0; w < payload - 1; w++) {
            long word = 0;
            for (int b = 0; b < 8; b++) {
                int i = w * 8 + b;
                if (i < bytes.length) {
                    word |= (bytes[i] & 0xFFL) << (8 * b);
                }
            }
            strings.add(word);
        }
        stringAddress.put(key, address);
        return address;
    }

    /** Word offsets of the globals' pointer words, ascending, from each global's type. */
    int[] globalPointers() {
        List<Integer> offsets = new ArrayList<>();
        for (Symbol.Var v : info.globals) {
            int at = globalOffset.get(v);
            Types.pointerMap(v.type()).stream().forEach(b -> offsets.add(at + b));
        }
        return offsets.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    List<Layout> layouts() {
        return List.copyOf(layouts);
    }

    long[] staticWords() {
        long[] s = new long[globalWords + strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            s[globalWords + i] = strings.get(i);
        }
        return s;
    }

    /** A type's name with declared types qualified by the package, as layouts name them. */
    static String qualified(Type t) {
        return switch (t) {
            case Named n -> "main." + n.name();
            case Type.Pointer p -> "*" + qualified(p.elem());
            case Type.Slice s -> "[]" + qualified(s.elem());
            case Type.Array a -> "[" + a.length() + "]" + qualified(a.elem());
            case Type.Chan c -> "chan " + qualified(c.elem());
            case Type.Struct s -> {
                StringBuilder sb = new StringBuilder("struct{");
                for (int i = 0; i < s.fields().size(); i++) {
                    sb.append(i == 0 ? "" : "; ").append(s.fields().get(i).name()).append(' ')
                            .append(qualified(s.fields().get(i).type()));
                }
                yield sb.append('}').toString();
            }
            default -> t.toString();
        };
    }
}
