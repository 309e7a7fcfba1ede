package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTableTest {
    @Test
    void runRows_areFollowedByTheMedianOfEachFigure_afterTheLeadingCells() {
        Stats.Table table = new Stats.Table("t", "run", "n", "a", "b");
        table.runRow(List.of(1, 10), 1.0, 300.0);
        table.runRow(List.of(2, 20), 3.0, 100.0);
        table.runRow(List.of(3, 30), 2.0, 200.0);
        table.medianRow("median", "");

        assertThat(printed(table)).isEqualTo("""

                        t
                        | run    | n  | a    | b   |
                        |--------|----|------|-----|
                        | 1      | 10 | 1.00 | 300 |
                        | 2      | 20 | 3.00 | 100 |
                        | 3      | 30 | 2.00 | 200 |
                        | median |    | 2.00 | 200 |
                        """);
    }

    private static String printed(Stats.Table table) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            table.print();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
