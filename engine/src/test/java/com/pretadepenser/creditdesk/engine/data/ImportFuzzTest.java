package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, seeded fuzzing campaign over the CSV reader and {@code import}: genuine rows of
 * {@code ../shared/realdata} mutated (truncated lines, a byte-order mark in the middle, enormous
 * fields, NaN / Infinity / 1e999, negative amounts, duplicated headers, binary junk, other
 * encodings, unbalanced quotes, missing or extra fields, empty files...). For every input: no crash
 * (only the project's own exception, with a message naming the file), no hang (a time bound per
 * input), the source files untouched, nothing left in the output's folder after a failure, and after
 * a success exactly the rows the file holds. {@code -Dcreditdesk.fuzz.inputs=N} and
 * {@code -Dcreditdesk.fuzz.seed=S} run a longer or another campaign.
 */
class ImportFuzzTest {
    private static final int INPUTS = Integer.getInteger("creditdesk.fuzz.inputs", 240);
    private static final long SEED = Long.getLong("creditdesk.fuzz.seed", 20261202L);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int BASE_ROWS = 40;
    private static final String[] ODD_NUMBERS = {"NaN", "nan", "Infinity", "-Infinity", "inf", "1e999", "-1e999", "1e-999",
            " ", "0x1F", "1,5", "١٢٣", "12abc", "--3", "9".repeat(400), "+", ".", "1e", "\u00a0"};

    @TempDir
    Path dir;

    private String absent;

    @BeforeEach
    void needsTheSample() {
        absent = Files.isRegularFile(RealData.folder().resolve("application_train.csv")) ? null
                : "genuine sample absent at " + RealData.folder() + ": the import fuzzing campaign mutates its rows";
        RealData.assumeAvailable(absent);
    }

    @Test
    void everyMutatedInputIsImportedWhole_orRefusedWithAMessageNamingTheFile() throws Exception {
        Map<HomeCreditTable, String> base = new LinkedHashMap<>();
        for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.PREVIOUS_APPLICATION,
                HomeCreditTable.BUREAU)) {
            base.put(table, head(RealData.folder().resolve(table.fileName()), BASE_ROWS));
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        Map<String, Integer> tried = new TreeMap<>();
        int imported = 0;
        int refused = 0;
        List<String> crashes = new ArrayList<>();
        for (int input = 0; input < INPUTS; input++) {
            Path source = dir.resolve("in-" + input);
            Path target = dir.resolve("out-" + input).resolve("dataset");
            Files.createDirectories(source);
            Files.createDirectories(target.getParent());
            HomeCreditTable victim = List.copyOf(base.keySet()).get(rng.nextInt(base.size()));
            List<String> applied = new ArrayList<>();
            for (Map.Entry<HomeCreditTable, String> table : base.entrySet()) {
                byte[] bytes = table.getValue().getBytes(StandardCharsets.UTF_8);
                if (table.getKey() == victim) {
                    int mutations = 1 + rng.nextInt(2);
                    for (int m = 0; m < mutations; m++) {
                        Mutation mutation = Mutation.values()[rng.nextInt(Mutation.values().length)];
                        bytes = mutation.apply(bytes, rng);
                        applied.add(mutation.name());
                        tried.merge(mutation.name(), 1, Integer::sum);
                    }
                }
                Files.write(source.resolve(table.getKey().fileName()), bytes);
            }
            Map<Path, String> before = hashes(source);
            String what = "input " + input + " (" + victim.fileName() + ": " + applied + ")";
            Throwable failure = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    new DatasetImporter().importFolder(source, target, false);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, what + " took longer than " + BOUND);
            assertEquals(before, hashes(source), what + ": the source files were changed");
            if (failure == null) {
                imported++;
                LocalDataset dataset = LocalDataset.open(target);
                for (HomeCreditTable table : base.keySet()) {
                    long rows = records(source.resolve(table.fileName()));
                    long kept = dataset.manifest().sources().stream().filter(x -> x.file().equals(table.fileName()))
                            .mapToLong(DatasetManifest.Source::rows).sum();
                    assertEquals(rows, kept, what + ": " + table.fileName() + " imported, but not with the rows it holds");
                }
            } else if (failure instanceof CreditDeskException e) {
                refused++;
                String message = e.getMessage();
                assertTrue(message != null && !message.isBlank(), what + ": an empty message");
                assertTrue(message.contains(victim.fileName()) || message.contains(source.toString()),
                        what + ": the message names neither the file nor the folder: " + message);
                assertTrue(!message.contains("\tat ") && !message.contains("Exception"), what + ": " + message);
                try (Stream<Path> left = Files.list(target.getParent())) {
                    assertEquals(List.of(), left.toList(), what + ": a failed import left something behind");
                }
            } else {
                crashes.add(what + ": " + failure);
            }
        }
        System.out.printf("import fuzzing (seed %d): %d inputs, %d imported whole, %d refused with a message, %d crashes; mutations %s%n",
                SEED, INPUTS, imported, refused, crashes.size(), tried);
        assertEquals(List.of(), crashes);
        assertTrue(refused > INPUTS / 4 && imported > INPUTS / 20, "the campaign reaches both outcomes: " + imported + " / " + refused);
    }

    /**
     * The data records of a CSV file (header and blank lines aside), decoded strictly as its byte-order
     * mark says (UTF-16 or UTF-8, UTF-8 without one); -1 for a file that is not in that encoding,
     * which an import must refuse rather than read with its bytes replaced.
     */
    private static long records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            charset = StandardCharsets.UTF_16;
        }
        String text;
        try {
            text = charset.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return -1;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(text)) {
            return Math.max(0, reader.stream().count() - 1);
        }
    }

    private static String head(Path file, int rows) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(0, Math.min(lines.size(), rows + 1))) + "\n";
    }

    private static Map<Path, String> hashes(Path folder) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName(), FileHashes.sha256(f));
            }
        }
        return out;
    }

    /** The mutations, each on the bytes of one file. */
    enum Mutation {
        TRUNCATE_FILE {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return Arrays.copyOf(in, in.length == 0 ? 0 : rng.nextInt(in.length));
            }
        },
        TRUNCATE_LINE {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int i = dataLine(lines, rng);
                String line = lines.get(i);
                lines.set(i, line.substring(0, line.isEmpty() ? 0 : rng.nextInt(line.length())));
                return join(lines);
            }
        },
        BOM_IN_THE_MIDDLE {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int i = dataLine(lines, rng);
                lines.set(i, "\uFEFF" + lines.get(i));
                return join(lines);
            }
        },
        ENORMOUS_FIELD {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return replaceField(in, rng, rng.nextBoolean() ? "x".repeat(2_000_000) : "7".repeat(300_000));
            }
        },
        ODD_NUMBER {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return replaceField(in, rng, ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)]);
            }
        },
        NEGATIVE_AMOUNT {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                List<String> header = Arrays.asList(lines.get(0).split(",", -1));
                int column = -1;
                for (int c = 0; c < header.size() && column < 0; c++) {
                    column = header.get(c).replace("\"", "").startsWith("AMT_") ? c : -1;
                }
                if (column < 0) {
                    return in;
                }
                int i = dataLine(lines, rng);
                String[] fields = lines.get(i).split(",", -1);
                if (column < fields.length && !fields[column].isEmpty()) {
                    fields[column] = "-" + fields[column].replace("\"", "");
                    lines.set(i, String.join(",", fields));
                }
                return join(lines);
            }
        },
        DUPLICATED_HEADER {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                String[] header = lines.get(0).split(",", -1);
                if (header.length > 2) {
                    header[1 + rng.nextInt(header.length - 1)] = header[rng.nextInt(header.length)];
                    lines.set(0, String.join(",", header));
                }
                return join(lines);
            }
        },
        BINARY_JUNK {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                byte[] junk = new byte[1 + rng.nextInt(64)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) rng.nextInt(256);
                }
                int at = in.length == 0 ? 0 : rng.nextInt(in.length);
                byte[] out = new byte[in.length + junk.length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(in, at, out, at + junk.length, in.length - at);
                return out;
            }
        },
        LATIN1_ENCODING {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                String text = new String(in, StandardCharsets.UTF_8).replace("Working", "Employé").replace("Cash", "Espèces");
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
        },
        UTF16_ENCODING {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return new String(in, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            }
        },
        UNBALANCED_QUOTE {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return replaceField(in, rng, "\"unclosed");
            }
        },
        FIELD_MISSING {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int i = dataLine(lines, rng);
                lines.set(i, lines.get(i).replaceFirst(",", ""));
                return join(lines);
            }
        },
        FIELD_EXTRA {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int i = dataLine(lines, rng);
                lines.set(i, lines.get(i) + ",surplus");
                return join(lines);
            }
        },
        EMPTY_FILE {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return new byte[0];
            }
        },
        HEADER_ONLY {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return (lines(in).get(0) + "\n").getBytes(StandardCharsets.UTF_8);
            }
        },
        COLUMN_DROPPED {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int columns = lines.get(0).split(",", -1).length;
                int drop = rng.nextInt(columns);
                List<String> out = new ArrayList<>();
                for (String line : lines) {
                    List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", -1)));
                    if (drop < fields.size()) {
                        fields.remove(drop);
                    }
                    out.add(String.join(",", fields));
                }
                return join(out);
            }
        },
        CR_LINE_ENDS {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return new String(in, StandardCharsets.UTF_8).replace("\n", rng.nextBoolean() ? "\r" : "\r\n").getBytes(StandardCharsets.UTF_8);
            }
        },
        NUL_BYTES {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                return replaceField(in, rng, "\0\0\0");
            }
        },
        DUPLICATED_ROW {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int i = dataLine(lines, rng);
                lines.add(i, lines.get(i));
                return join(lines);
            }
        },
        ODD_LABEL {
            @Override
            byte[] apply(byte[] in, SplittableRandom rng) {
                List<String> lines = lines(in);
                int target = Arrays.asList(lines.get(0).split(",", -1)).indexOf("TARGET");
                if (target < 0) {
                    return in;
                }
                int i = dataLine(lines, rng);
                String[] fields = lines.get(i).split(",", -1);
                if (target < fields.length) {
                    fields[target] = new String[] {"2", "yes", "-1", "0.5", ""}[rng.nextInt(5)];
                    lines.set(i, String.join(",", fields));
                }
                return join(lines);
            }
        };

        abstract byte[] apply(byte[] in, SplittableRandom rng);

        static List<String> lines(byte[] in) {
            List<String> lines = new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
            if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        static byte[] join(List<String> lines) {
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        }

        /** A data line (not the header) when there is one. */
        static int dataLine(List<String> lines, SplittableRandom rng) {
            return lines.size() < 2 ? 0 : 1 + rng.nextInt(lines.size() - 1);
        }

        /** Replaces one field of one data line (a naive split: quoted commas make it land elsewhere, which is fuzzing too). */
        static byte[] replaceField(byte[] in, SplittableRandom rng, String value) {
            List<String> lines = lines(in);
            int i = dataLine(lines, rng);
            String[] fields = lines.get(i).split(",", -1);
            fields[rng.nextInt(fields.length)] = value;
            lines.set(i, String.join(",", fields));
            return join(lines);
        }
    }
}
