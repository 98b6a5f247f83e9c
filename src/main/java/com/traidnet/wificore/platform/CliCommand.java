package com.traidnet.wificore.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * An operator command run from the jar instead of the server:
 * {@code java -jar target/wificore.jar <name> [args…]} (e.g. {@code partitions maintain},
 * {@code jobs status}). Modules contribute commands as Spring beans; the launcher starts the
 * platform without its network roles, runs the command and exits with its code.
 */
public interface CliCommand {

    /** The first word on the command line, e.g. {@code partitions}. */
    String name();

    /** One or more lines of usage, shown for {@code help} and on a usage error. */
    String usage();

    /** Runs with the words after the name; returns the process exit code (0 = success, 2 = usage error). */
    int run(List<String> args, PrintStream out, PrintStream err);
}
