package dev.practicetracker.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the checks run, found on the PATH. A missing tool fails the check with how to install it:
 * skipping would let a broken rule or dashboard through unnoticed.
 */
final class Tools {

    private Tools() {}

    /** What a finished command printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {}

    /** The tool's path; fails, saying which Debian package brings it, when it is not installed. */
    static Path require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " is not installed, and this check needs it: install it with"
                + " `apt-get update && apt-get install -y " + debianPackage + "` (.ci/run does when it is missing)");
    }

    /** Runs the command in {@code dir} and waits for it, at most two minutes. */
    static Result run(Path dir, Map<String, String> environment, List<String> command) {
        return run(dir, environment, command, "");
    }

    /** Runs the command with {@code input} on its standard input. */
    static Result runWithInput(List<String> command, String input) {
        return run(null, Map.of(), command, input);
    }

    private static Result run(Path dir, Map<String, String> environment, List<String> command, String input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        }
    }
}
