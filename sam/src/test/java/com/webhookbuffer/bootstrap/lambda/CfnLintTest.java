package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * AWS's own linter, cfn-lint, on the template (it applies the SAM transform and checks every resource against
 * CloudFormation's schemas): no error and no warning. Runs where {@code cfn-lint} is on the PATH, and is skipped,
 * saying so, where it is not. The template's {@code Metadata} names the one check it ignores, and why.
 */
class CfnLintTest {

    private static final Path TEMPLATE = Path.of("template.yaml").toAbsolutePath();

    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        Optional<Path> cfnLint = onThePath("cfn-lint");
        assumeTrue(
                cfnLint.isPresent(),
                "cfn-lint is not on the PATH, so the template is not linted here "
                        + "(pip install cfn-lint to run this check)");

        // Its output goes to a file, so a long report cannot fill a pipe and stall it.
        Path report = Files.createTempFile("cfn-lint", ".txt");
        try {
            Process process = new ProcessBuilder(cfnLint.get().toString(), "--", TEMPLATE.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(report.toFile())
                    .start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(report, StandardCharsets.UTF_8);
            // 127: a launcher (a pyenv shim, say) found no cfn-lint to run.
            assumeTrue(!finished || process.exitValue() != 127, "cfn-lint on the PATH cannot run: " + output);

            assertThat(finished)
                    .as("cfn-lint finished within 5 minutes; it printed:%n%s", output)
                    .isTrue();
            assertThat(output).as("what cfn-lint printed about %s", TEMPLATE).isBlank();
            assertThat(process.exitValue())
                    .as("cfn-lint's exit code (2: errors, 4: warnings); it printed:%n%s", output)
                    .isZero();
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static Optional<Path> onThePath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
