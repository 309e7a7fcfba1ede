package dev.onair.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of a sample, and the fixed-width tables every benchmark prints. */
public final class Stats {
    private final double[] sorted;

    private Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Stats of(List<Double> values) {
        return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Stats of(double[] values) {
        return new Stats(values);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code p} in 0..100; NaN for an empty sample. */
    public double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    /** The median of several runs' figures (the summary row of a table). */
    public static double median(List<Double> perRun) {
        return of(perRun).p50();
    }

    /** A table with a header row; {@link #print()} pads every column to its widest cell. */
    public static final class Table {
        private final String title;
        private final List<String[]> rows = new ArrayList<>();
        private final List<List<Double>> runFigures = new ArrayList<>();

        public Table(String title, String... header) {
            this.title = title;
            rows.add(header);
        }

        public Table row(Object... cells) {
            String[] r = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                r[i] = cells[i] instanceof Double d ? format(d) : String.valueOf(cells[i]);
            }
            rows.add(r);
            return this;
        }

        /** One run's row: the {@code leading} cells (run number, counts), then its figures, for {@link #medianRow}. */
        public Table runRow(List<?> leading, double... figures) {
            List<Object> cells = new ArrayList<>(leading);
            for (int i = 0; i < figures.length; i++) {
                if (runFigures.size() == i) {
                    runFigures.add(new ArrayList<>());
                }
                runFigures.get(i).add(figures[i]);
                cells.add(figures[i]);
            }
            return row(cells.toArray());
        }

        /** After the {@code leading} cells ("median", blanks), the median of each figure over the {@link #runRow}s. */
        public Table medianRow(Object... leading) {
            List<Object> cells = new ArrayList<>(List.of(leading));
            runFigures.forEach(c -> cells.add(median(c)));
            return row(cells.toArray());
        }

        public void print() {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < r.length && i < columns; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            StringBuilder out = new StringBuilder("\n").append(title).append('\n');
            for (int n = 0; n < rows.size(); n++) {
                String[] r = rows.get(n);
                out.append('|');
                for (int i = 0; i < columns; i++) {
                    String cell = i < r.length ? r[i] : "";
                    out.append(' ').append(pad(cell, width[i])).append(" |");
                }
                out.append('\n');
                if (n == 0) {
                    out.append('|');
                    for (int i = 0; i < columns; i++) {
                        out.append("-".repeat(width[i] + 2)).append('|');
                    }
                    out.append('\n');
                }
            }
            System.out.print(out);
            System.out.flush();
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(width - s.length());
        }
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%.0f", d);
        }
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
