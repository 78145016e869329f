package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/chaos in the suite: the stack with faults started in this JVM (the connector as a process
 * of its own), every fault case run against it over HTTP as the script does, each held to the
 * contract of docs/fault-injection.md.
 *
 * <p>The system property {@code chaos.pending} (default none) names cases to skip while their fix is
 * being made elsewhere; every case runs by default.
 */
class ChaosTest {

    static final String PENDING = "";

    @Test
    void everyFaultIsAnsweredWithinTheBudgetWithTheRightErrorAndNothingRunsTwiceOrLate(@TempDir Path dir)
            throws Exception {
        Set<String> pending = Arrays.stream(
                        System.getProperty("chaos.pending", PENDING).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        List<String> cases =
                Chaos.CASES.stream().filter(c -> !pending.contains(c)).toList();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LocalStack stack = LocalStack.startWithFaults(
                        LocalStack.Ports.ephemeral(),
                        Files.createDirectories(dir.resolve("catalogs")),
                        dir.resolve("connector.log"),
                        message -> System.out.println("• " + message));
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            List<Chaos.Result> results = new Chaos(ChaosTarget.of(stack), out).run(cases);
            String report = printed.toString(StandardCharsets.UTF_8);
            System.out.println(report);
            assertEquals(cases.size(), results.size(), report);
            List<String> failed = results.stream()
                    .filter(r -> !r.pass())
                    .map(Chaos.Result::line)
                    .toList();
            assertEquals(List.of(), failed, report);
            assertFalse(results.isEmpty());
        }
    }
}
