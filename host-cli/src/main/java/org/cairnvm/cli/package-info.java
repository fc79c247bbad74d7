/**
 * The {@code cairn} command line. {@link org.cairnvm.cli.Main} dispatches the commands ({@code
 * run}, {@code disasm}, {@code matrix}, {@code modules}, {@code config}, {@code help}, {@code
 * version}); {@link org.cairnvm.cli.RunRequest}, {@link org.cairnvm.cli.DisasmRequest} and {@link
 * org.cairnvm.cli.MatrixRequest} turn arguments into what to do, with Apache Commons CLI; {@link
 * org.cairnvm.cli.Matrix} runs a program under every combination of plugins and {@link
 * org.cairnvm.cli.MatrixReport} shows the rows side by side; {@link org.cairnvm.cli.GuestStreams} carries the
 * guest's output to the process's, and {@link org.cairnvm.cli.Help} holds every help text.
 * Usage errors exit with status 2 and a message, never a Java stack trace.
 */
package org.cairnvm.cli;
