package org.cairnvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.cairnvm.api.Config;

/** Every help text of the command, in the go command's manner: a usage line, then prose, then flags. */
final class Help {
    private Help() {
    }

    static final String USAGE = """
            Cairn runs Go programs on a virtual machine whose stack strategy, garbage collector,
            scheduler and overflow handler are interchangeable plugins.

            Usage:

            \tcairn <command> [arguments]

            The commands are:

            \trun        compile and run a Go program, as go run does
            \tdisasm     print a program's bytecode, frame layouts and stack maps
            \tmatrix     run a program under every combination of plugins and compare them
            \tmodules    list the installed plugins by kind
            \tconfig     print the resolved configuration (config --help lists every key)
            \thelp       print help for a command
            \tversion    print Cairn's version

            Use "cairn help <command>" for more information about a command.
            """;

    private static final String RUN = """
            Run compiles the named Go file and runs it. Like go run, the program's standard output
            and standard error are this command's, and its exit status is the program's: 0, 1 when
            it does not compile, 2 after a panic or a fatal error.

            Configuration comes from the defaults, ./cairn.properties, CAIRN_* environment
            variables, then these flags; sizes take k, m or g (-D stack.max=64m). The plugins
            installed are listed by cairn modules, every key by cairn config --help.
            """;

    private static final String DISASM = """
            Disasm compiles the named Go file and prints every function's frame layout, its
            bytecode with source lines, and its stack maps; with --escapes, each escape-analysis
            decision and its reason instead. A program that does not compile prints its errors and
            exits with status 1.
            """;

    private static final String MATRIX = """
            Matrix compiles the named Go file once and runs it under every combination of the
            installed plugins (one per kind, and every variant a plugin declares), each with no
            stress mode and with every mode given by --stress. It prints one row per run with the
            key metrics side by side (a metric a run did not record shows as -), and compares
            standard output, exit status and the first line of standard error with row 1's: rows
            that differ are marked * and followed by a unified diff of their outputs. The exit
            status is 0 when every run agrees, 1 when any differs or the program does not compile.
            """;

    private static final String MODULES = """
            usage: cairn modules

            Modules lists the plugins installed (on the module path or class path), by kind,
            with a description, and marks each kind's default. Choose one with cairn run --stack,
            --gc, --sched, --overflow, or the configuration keys of the same names.
            """;

    private static final String VERSION = """
            usage: cairn version

            Version prints Cairn's version and the Java runtime's.
            """;

    /** Help for a topic on {@code out}; false when there is no such topic. */
    static boolean topic(String name, PrintStream out) {
        switch (name) {
            case RunRequest.COMMAND -> flags(out, RunRequest.SYNTAX, RUN, RunRequest.flags());
            case DisasmRequest.COMMAND -> flags(out, DisasmRequest.SYNTAX, DISASM, DisasmRequest.flags());
            case MatrixRequest.COMMAND -> flags(out, MatrixRequest.SYNTAX, MATRIX, MatrixRequest.flags());
            case "modules" -> out.print(MODULES);
            case "config" -> config(out);
            case "version" -> out.print(VERSION);
            case "help" -> out.print(USAGE);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code cairn config --help}: every key core knows, with its default and what it does. */
    static void config(PrintStream out) {
        out.println("usage: cairn config [--help]");
        out.println();
        out.println("Config prints the resolved configuration: the defaults, then ./cairn.properties");
        out.println("(key=value lines), then CAIRN_* environment variables (CAIRN_STACK_MAX=64m sets");
        out.println("stack.max), then flags. Plugins may read keys of their own beyond these.");
        out.println();
        int width = "key".length();
        int defaultWidth = "default".length();
        java.util.List<Config.Key> keys = new java.util.ArrayList<>(Config.KEYS);
        for (org.cairnvm.spi.VmPlugin plugin : org.cairnvm.api.Vm.installedPlugins()) {
            keys.addAll(plugin.keys());
        }
        for (Config.Key k : keys) {
            width = Math.max(width, k.name().length());
            defaultWidth = Math.max(defaultWidth, shown(k.defaultValue()).length());
        }
        String format = "  %-" + width + "s  %-" + defaultWidth + "s  %s%n";
        out.printf(format, "key", "default", "description");
        for (Config.Key k : keys) {
            out.printf(format, k.name(), shown(k.defaultValue()), k.description());
        }
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(empty)" : value;
    }

    /** The usage line, the prose, and the flag table that Commons CLI formats. */
    private static void flags(PrintStream out, String syntax, String prose, Options options) {
        out.println("usage: " + syntax);
        out.println();
        out.print(prose);
        out.println();
        try {
            HelpFormatter.builder().setHelpAppendable(new TextHelpAppendable(out)).setShowSince(false).get()
                    .printOptions(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
