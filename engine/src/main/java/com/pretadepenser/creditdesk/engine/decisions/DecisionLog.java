package com.pretadepenser.creditdesk.engine.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.UserFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The decision log: append-only JSON lines, one record per line, each line holding the SHA-256
 * of the line before it ({@code prev}) and its own ({@code hash}, of the line's text up to that
 * field), from a genesis line that names the log. Editing, deleting, reordering or tearing a line
 * breaks the chain where it happened, and {@link #verify()} names the line.
 *
 * <p>Durable: {@link #append} returns only once the line is written and forced to the disk. Writers
 * in several processes (two app windows, the app and the command line) take the file's lock, so
 * lines never interleave. A process killed in a write leaves at most a torn last line, without its
 * newline: the next writer (or {@link #open()}) moves it to {@code FILE.torn} and says so.
 */
public final class DecisionLog {
    /** The log's name in the user's data folder. */
    public static final String FILE_NAME = "decisions.jsonl";
    /** The torn tail's file, beside the log. */
    public static final String TORN_SUFFIX = ".torn";
    static final String GENESIS_NAME = "CreditDesk decision log";
    static final int FORMAT = 1;
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final String ZERO_HASH = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Threads of this process queue here; other processes on the file's lock. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public DecisionLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The user's log: {@code decisions.jsonl} in the user's data folder (docs/decisions.md). */
    public static DecisionLog forUser() {
        return new DecisionLog(UserFolders.current().data().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** One record and where it sits: its line (1 is the genesis), sequence number and hash. */
    public record Entry(int line, long seq, String hash, DecisionRecord record) {
    }

    /** A torn last line set aside: how many bytes, and where they went. */
    public record TornTail(long bytes, Path movedTo) {
    }

    /** What is wrong with a line. */
    public enum Problem {
        /** A line's content no longer matches its hash, or its link to the line before. */
        EDITED,
        /** Records are missing: a sequence number skipped, or the genesis line gone. */
        DELETED,
        /** A record sits where another was expected, and that one comes later. */
        REORDERED,
        /** The last line is incomplete (no newline): a write was cut. */
        TORN
    }

    /**
     * The chain's state: whole, or the first bad line and what is wrong with it.
     *
     * @param records  the records (genesis excluded) read up to the first problem
     * @param lastHash the hash of the last good line (the genesis's when no record)
     */
    public record Check(int records, String lastHash, Optional<Problem> problem, int line, String message) {
        public boolean whole() {
            return problem.isEmpty();
        }
    }

    /**
     * Opens the log for writing: creates it with its genesis line when absent, and sets aside a
     * torn last line left by a process killed in a write. Returns the torn tail when there was one.
     */
    public Optional<TornTail> open() {
        return locked(channel -> prepare(channel));
    }

    /** Appends a record; returns once it is on the disk. */
    public Entry append(DecisionRecord record) {
        String recordJson;
        try {
            recordJson = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision record always serialises", e);
        }
        return locked(channel -> {
            prepare(channel);
            Line last = lastLine(channel);
            long seq = last.seq() + 1;
            String body = "{\"seq\":" + seq + ",\"prev\":\"" + last.hash() + "\",\"record\":" + recordJson;
            String hash = hashOf(body);
            writeFully(channel, body + HASH_FIELD + hash + "\"}\n", channel.size());
            channel.force(true);
            return new Entry(last.number() + 1, seq, hash, record);
        });
    }

    /** Every record in order (the genesis line left out), reading up to the first bad line. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        scan(entries);
        return entries;
    }

    /** Checks the whole chain (a missing log is whole and empty). */
    public Check verify() {
        return scan(new ArrayList<>());
    }

    private Check scan(List<Entry> entries) {
        if (!Files.exists(file)) {
            return new Check(0, ZERO_HASH, Optional.empty(), 0, "");
        }
        byte[] bytes = read();
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String tail = lines.remove(lines.size() - 1); // after the last newline: empty unless torn
        List<Long> seqs = new ArrayList<>();
        List<Line> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parsed.add(parse(lines.get(i), i + 1));
            seqs.add(parsed.get(i) == null ? null : parsed.get(i).seq());
        }
        String previous = ZERO_HASH;
        for (int i = 0; i < parsed.size(); i++) {
            int number = i + 1;
            Line line = parsed.get(i);
            if (line == null) {
                return problem(entries, previous, Problem.EDITED, number, "line " + number + " is not a record of this log as written"
                        + " (its hash does not match its text, or the text is not a record): it was edited");
            }
            if (i == 0 && !line.genesis()) {
                return problem(entries, previous, Problem.DELETED, 1, "line 1 is not the log's genesis record: the start of the log was deleted");
            }
            if (line.seq() != i) {
                boolean later = seqs.subList(i + 1, seqs.size()).contains((long) i);
                return later
                        ? problem(entries, previous, Problem.REORDERED, number, "line " + number + " holds record " + line.seq()
                                + " where record " + i + " was expected, and record " + i + " comes later: records were reordered")
                        : problem(entries, previous, Problem.DELETED, number, "line " + number + " holds record " + line.seq()
                                + " where record " + i + " was expected: " + (line.seq() > i ? "records " + i + " to " + (line.seq() - 1) + " were deleted"
                                        : "a record was copied or moved"));
            }
            if (!line.prev().equals(previous)) {
                return problem(entries, previous, Problem.EDITED, number - 1, "line " + number + " does not link to line " + (number - 1)
                        + " (the previous record's hash differs): line " + (number - 1) + " was rewritten");
            }
            if (!line.genesis()) {
                try {
                    entries.add(new Entry(number, line.seq(), line.hash(), JSON.treeToValue(line.record(), DecisionRecord.class)));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    return problem(entries, previous, Problem.EDITED, number, "line " + number + " has a valid hash but not a decision record: " + e.getMessage());
                }
            }
            previous = line.hash();
        }
        if (!tail.isEmpty()) {
            return problem(entries, previous, Problem.TORN, lines.size() + 1, "line " + (lines.size() + 1) + " is incomplete ("
                    + tail.getBytes(StandardCharsets.UTF_8).length + " bytes, no end of line): a write was cut; the next recording sets it aside in "
                    + file.getFileName() + TORN_SUFFIX);
        }
        return new Check(entries.size(), previous, Optional.empty(), 0, "");
    }

    private static Check problem(List<Entry> entries, String lastHash, Problem problem, int line, String message) {
        return new Check(entries.size(), lastHash, Optional.of(problem), line, message);
    }

    /** A line as read: null when it is not a sealed line of this log. */
    private record Line(int number, long seq, String prev, String hash, boolean genesis, JsonNode record) {
    }

    private static Line parse(String text, int number) {
        int at = text.lastIndexOf(HASH_FIELD);
        if (at < 0 || !text.endsWith("\"}") || text.length() != at + HASH_FIELD.length() + 64 + 2) {
            return null;
        }
        String body = text.substring(0, at);
        String hash = text.substring(at + HASH_FIELD.length(), at + HASH_FIELD.length() + 64);
        if (!hashOf(body).equals(hash)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body + "}");
            if (!node.path("seq").canConvertToLong() || !node.path("prev").isTextual()) {
                return null;
            }
            boolean genesis = node.has("genesis");
            if (!genesis && !node.path("record").isObject()) {
                return null;
            }
            return new Line(number, node.get("seq").asLong(), node.get("prev").asText(), hash, genesis, node.get("record"));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Under the lock: the genesis line when the file is empty, a torn tail set aside. */
    private Optional<TornTail> prepare(FileChannel channel) throws IOException {
        if (channel.size() == 0) {
            Map<String, Object> genesis = new LinkedHashMap<>();
            genesis.put("log", GENESIS_NAME);
            genesis.put("format", FORMAT);
            genesis.put("id", UUID.randomUUID().toString());
            genesis.put("created", Instant.now().toString());
            String text = seal("{\"seq\":0,\"prev\":\"" + ZERO_HASH + "\",\"genesis\":" + JSON.writeValueAsString(genesis));
            writeFully(channel, text + "\n", 0);
            channel.force(true);
            forceFolder();
            return Optional.empty();
        }
        long end = lastNewline(channel) + 1;
        long size = channel.size();
        if (end == size) {
            return Optional.empty();
        }
        // A write was cut: keep its bytes beside the log, then cut the log back to its last whole line.
        Path torn = file.resolveSibling(file.getFileName() + TORN_SUFFIX);
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - end, Integer.MAX_VALUE - 16));
        channel.read(tail, end);
        tail.flip();
        try (FileChannel out = FileChannel.open(torn, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(("# set aside " + Instant.now() + " from " + file.getFileName() + ", after its line "
                    + countLines(channel, end) + ":\n").getBytes(StandardCharsets.UTF_8)));
            while (tail.hasRemaining()) {
                out.write(tail);
            }
            out.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        channel.truncate(end);
        channel.force(true);
        return Optional.of(new TornTail(size - end, torn));
    }

    /** The last whole line (the genesis at least): its number, sequence and hash. */
    private Line lastLine(FileChannel channel) throws IOException {
        long end = lastNewline(channel);
        long start = end <= 0 ? 0 : previousNewline(channel, end) + 1;
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
        channel.read(buffer, start);
        // Its line number follows from its sequence (the genesis, 0, is line 1): no need to count the file's lines at each append.
        Line parsed = parse(new String(buffer.array(), StandardCharsets.UTF_8), 0);
        Line line = parsed == null ? null : new Line((int) parsed.seq() + 1, parsed.seq(), parsed.prev(), parsed.hash(), parsed.genesis(), parsed.record());
        if (line == null) {
            throw new CreditDeskException(EngineMessage.DECISION_LOG_LAST_DAMAGED, file);
        }
        return line;
    }

    /** The offset of the last newline, -1 when there is none. */
    private static long lastNewline(FileChannel channel) throws IOException {
        return previousNewline(channel, channel.size());
    }

    /** The offset of the last newline before {@code before}, -1 when there is none. */
    private static long previousNewline(FileChannel channel, long before) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long position = before;
        while (position > 0) {
            int length = (int) Math.min(buffer.capacity(), position);
            position -= length;
            buffer.clear().limit(length);
            channel.read(buffer, position);
            for (int i = length - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return position + i;
                }
            }
        }
        return -1;
    }

    private static int countLines(FileChannel channel, long upTo) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        int lines = 0;
        for (long position = 0; position < upTo; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), upTo - position));
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
            position += read;
        }
        return lines;
    }

    private static void writeFully(FileChannel channel, String text, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** The line's text up to its hash, closed with the hash of that text. */
    private static String seal(String body) {
        return body + HASH_FIELD + hashOf(body) + "\"}";
    }

    static String hashOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The new file's name made durable too (Linux, macOS; Windows cannot open a folder and needs not). */
    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException notPossibleHere) {
            // the file's own content is forced; only its directory entry may wait for the system
        }
    }

    private byte[] read() {
        return locked(false, channel -> {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // read to the end
            }
            return buffer.array();
        });
    }

    private interface Work<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T locked(Work<T> work) {
        return locked(true, work);
    }

    /** Runs {@code work} holding this process's lock and the file's (exclusive to write, shared to read). */
    private <T> T locked(boolean write, Work<T> work) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            if (write) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = write
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.READ);
                 FileLock lock = channel.lock(0, Long.MAX_VALUE, !write)) {
                return work.run(channel);
            }
        } catch (IOException e) {
            throw new CreditDeskException(e, write ? EngineMessage.DECISION_LOG_CANNOT_WRITE : EngineMessage.DECISION_LOG_CANNOT_READ, file, e.getMessage());
        } finally {
            local.unlock();
        }
    }
}
