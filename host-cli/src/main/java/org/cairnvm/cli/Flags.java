package org.cairnvm.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Commons CLI parsing with the go command's conventions: flags may come before or after the
 * file, a long flag takes its value as {@code --stack copying} or {@code --stack=copying}, no
 * abbreviations ({@code --st} is not {@code --stack}), and errors in Go's flag package wording.
 */
final class Flags {
    private Flags() {
    }

    /** {@code -h}/{@code --help}, which every command accepts. */
    static Option help() {
        return Option.builder("h").longOpt("help").desc("print this help").get();
    }

    /**
     * Parses {@code args} for {@code command}.
     *
     * @throws Failure a usage error in Go's words ({@code flag provided but not defined: --bogus})
     */
    static CommandLine parse(String command, Options options, String[] args) throws Failure {
        try {
            return DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, splitDefines(args));
        } catch (UnrecognizedOptionException e) {
            throw Failure.usage(command, "flag provided but not defined: " + e.getOption());
        } catch (MissingArgumentException e) {
            throw Failure.usage(command, "flag needs an argument: " + spelling(e.getOption()));
        } catch (ParseException e) {
            throw Failure.usage(command, e.getMessage());
        }
    }

    /** The value of the last occurrence of a flag (the go command's rule), or null. */
    static String last(CommandLine line, String name) {
        String[] values = line.getOptionValues(name);
        return values == null ? null : values[values.length - 1];
    }

    private static String spelling(Option o) {
        return o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
    }

    /*
     * -Dkey=value is the Java spelling and the one users type; Commons CLI would read it as a
     * long option with an '=' in it, so it is split into -D key=value first. Tokens after "--"
     * are operands and are left alone.
     */
    private static String[] splitDefines(String[] args) {
        List<String> out = new ArrayList<>();
        boolean operands = false;
        for (String a : args) {
            if (!operands && a.equals("--")) {
                operands = true;
            }
            if (!operands && a.startsWith("-D") && a.length() > 2) {
                out.add("-D");
                out.add(a.substring(2));
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }
}
