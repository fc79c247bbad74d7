package org.cairnvm.cli;

/**
 * A command that cannot go on, with the exit status and the text the user sees. A usage error
 * (a bad flag, a missing file argument) also names its command, so the usage line and the help
 * pointer follow the message, as the {@code go} command prints them.
 */
final class Failure extends Exception {
    /** Exit status for misuse of the command line, as Go's flag package and the go command use. */
    static final int USAGE = 2;
    /** Exit status when the command was understood but could not be done (a file could not be read). */
    static final int FAILED = 1;

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String command;

    private Failure(int status, String message, String command) {
        super(message, null, false, false);
        this.status = status;
        this.command = command;
    }

    /** A usage error of {@code command}: the message, then its usage line and where to read more. */
    static Failure usage(String command, String message) {
        return new Failure(USAGE, message, command);
    }

    /** Any other failure, printed as {@code cairn: message}. */
    static Failure of(int status, String message) {
        return new Failure(status, "cairn: " + message, null);
    }

    int status() {
        return status;
    }

    /** The command whose usage follows the message, or null. */
    String command() {
        return command;
    }
}
