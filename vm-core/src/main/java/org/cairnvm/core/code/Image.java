package org.cairnvm.core.code;

import java.util.List;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.Program;
import org.cairnvm.api.Source;

/**
 * A compiled program: immutable, shared by every run of it. A program that failed to compile
 * has diagnostics and no code.
 *
 * <p>The static region is mapped at {@link #STATIC_BASE} in every run: {@code globalWords} words
 * of globals (zero at start), then string literal objects (each a header, a length word, packed
 * bytes). String literal values are therefore compile-time constants, the addresses of their
 * length words, and appear in constant pools.
 *
 * @param source the source compiled
 * @param diagnostics compile errors, empty on success
 * @param functions every function, indexed by {@link FunctionCode#index()}
 * @param layouts heap object layouts, indexed by id; id 0 is {@link Layout#STRING}
 * @param hostImports functions the embedder must supply, indexed by {@code CALLHOST}'s operand
 * @param staticWords initial contents of the static region (globals then string literals)
 * @param globalWords how many of {@code staticWords} are globals
 * @param initFunction index of the function that initialises globals, or -1 when there are none
 * @param mainFunction index of {@code main.main}
 * @param escapeNotes escape decisions, for {@code cairn disasm --escapes}
 * @param globalPointers word offsets (ascending) of the globals that hold pointers: the
 *     collector's exact roots in the static region
 * @param derived code made from this program by its first run that needs it (the baseline
 *     compiler's), kept for the others
 */
public record Image(Source source, List<Diagnostic> diagnostics, List<FunctionCode> functions, List<Layout> layouts,
                    List<HostImport> hostImports, long[] staticWords, int globalWords, int initFunction,
                    int mainFunction, List<EscapeNote> escapeNotes, int[] globalPointers, DerivedCode derived)
        implements Program {

    /** A program with nothing derived from it yet. */
    public Image(Source source, List<Diagnostic> diagnostics, List<FunctionCode> functions, List<Layout> layouts,
                 List<HostImport> hostImports, long[] staticWords, int globalWords, int initFunction,
                 int mainFunction, List<EscapeNote> escapeNotes, int[] globalPointers) {
        this(source, diagnostics, functions, layouts, hostImports, staticWords, globalWords, initFunction,
                mainFunction, escapeNotes, globalPointers, new DerivedCode());
    }

    /** Where the static region starts: above the unmapped first 64 KiB, so small offsets from nil fault. */
    public static final long STATIC_BASE = 0x10000L;

    /** A program that did not compile. */
    public static Image failed(Source source, List<Diagnostic> diagnostics) {
        return new Image(source, List.copyOf(diagnostics), List.of(), List.of(), List.of(), new long[0], 0, -1, -1,
                List.of(), new int[0]);
    }

    public FunctionCode function(int index) {
        return functions.get(index);
    }
}
