package org.cairnvm.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What {@code cairn disasm} was asked to do.
 *
 * @param file the program, as the user spelled it
 * @param escapes print escape-analysis decisions instead of the bytecode
 * @param help print the command's help instead
 */
record DisasmRequest(String file, boolean escapes, boolean help) {
    static final String COMMAND = "disasm";
    static final String SYNTAX = "cairn disasm [--escapes] prog.go";

    static Options flags() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("escapes")
                .desc("explain each escape-analysis decision (x escapes to heap: ...), like go build -gcflags=-m")
                .get());
        o.addOption(Flags.help());
        return o;
    }

    static DisasmRequest parse(String[] args) throws Failure {
        CommandLine line = Flags.parse(COMMAND, flags(), args);
        if (line.hasOption("help")) {
            return new DisasmRequest(null, false, true);
        }
        return new DisasmRequest(RunRequest.file(COMMAND, line), line.hasOption("escapes"), false);
    }
}
