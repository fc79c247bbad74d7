package org.cairnvm.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.check.Checker;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.escape.EscapeAnalysis;
import org.cairnvm.core.escape.Escapes;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.parse.StackBudget;
import org.cairnvm.core.source.Diagnostics;

/**
 * The whole front end and back end: parse, check, reject what the VM cannot run yet, escape
 * analysis, code generation, liveness and stack maps. Never throws for bad input: errors come
 * back as the image's diagnostics.
 *
 * <p>Functions are numbered in the checker's declaration order (host functions, which have no
 * body, are numbered separately as host imports); {@code main.init}, emitted only when some global
 * has an initialiser, comes last.
 */
public final class Compiler {
    private Compiler() {
    }

    /** Compiles a source to an image (with diagnostics and no code if it does not compile). */
    public static Image compile(Source source) {
        Diagnostics d = new Diagnostics(source.name());
        SourceFile file;
        TypeInfo info;
        try {
            file = Parser.parse(source, d);
            if (d.hasErrors() || file == null) {
                return Image.failed(source, d.sorted());
            }
            info = Checker.check(file, d);
            if (d.hasErrors() || info == null) {
                return Image.failed(source, d.sorted());
            }
        } catch (RuntimeException | StackOverflowError e) {
            d.error(new Pos(1, 1), "internal compiler error: " + e);
            return Image.failed(source, d.sorted());
        }
        try {
            // Escape analysis and code generation recurse over the tree as deep as the front end allows.
            TypeInfo checked = info;
            return StackBudget.run("cairn-compile", () -> compile(source, checked, d));
        } catch (RuntimeException | StackOverflowError e) {
            d.error(new Pos(1, 1), "internal compiler error: " + e);
            return Image.failed(source, d.sorted());
        }
    }

    /** The back end alone, for a program already checked without errors. */
    static Image compile(Source source, TypeInfo info, Diagnostics d) {
        new SubsetCheck(info, d).run();
        if (d.hasErrors()) {
            return Image.failed(source, d.sorted());
        }
        Escapes esc;
        try {
            esc = EscapeAnalysis.analyze(info);
        } catch (RuntimeException | StackOverflowError e) {
            d.error(new Pos(1, 1), "internal compiler error: escape analysis: " + e);
            return Image.failed(source, d.sorted());
        }
        boolean needsInit = false;
        for (VarSpec spec : info.globalInitOrder) {
            needsInit |= !spec.values().isEmpty();
        }
        ImageBuilder img = new ImageBuilder(info, needsInit);
        List<FunctionCode> functions = new ArrayList<>();
        int main = -1;
        for (Symbol.Func f : info.functions) {
            if (f.isHost()) {
                continue;
            }
            int index = img.functionIndex.get(f);
            if (f.receiverType() == null && f.name().equals("main")) {
                main = index;
            }
            try {
                functions.add(new FunctionCompiler(img, esc).compileFunction(f, index));
            } catch (CompileError e) {
                d.error(e.pos, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                d.error(f.decl().pos(), "internal compiler error: " + f.goName() + ": " + e);
            }
        }
        if (needsInit) {
            try {
                functions.add(new FunctionCompiler(img, esc).compileInit(img.initIndex));
            } catch (CompileError e) {
                d.error(e.pos, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                d.error(new Pos(1, 1), "internal compiler error: main.init: " + e);
            }
        }
        if (d.hasErrors()) {
            return Image.failed(source, d.sorted());
        }
        return new Image(source, List.of(), List.copyOf(functions), img.layouts(), List.copyOf(img.hosts),
                img.staticWords(), img.globalWords, img.initIndex, main, esc.notes(), img.globalPointers());
    }
}
