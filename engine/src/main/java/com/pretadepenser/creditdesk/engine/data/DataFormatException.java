package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import java.nio.file.Path;

/**
 * A data file that cannot be read as the Home Credit layout. Carries where the problem is, so a
 * dialog or the command line can name file, line, column and value.
 */
public final class DataFormatException extends CreditDeskException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;
    private final String value;

    private DataFormatException(EngineText message, Path file, long line, String column, String value) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** A problem with one value: {@code file, line N, column COLUMN: value "VALUE" problem. hint} */
    public static DataFormatException atValue(Path file, long line, String column, String value,
                                              EngineText problem, EngineText hint) {
        EngineText text = hint == null
                ? EngineText.of(EngineMessage.DATA_AT_VALUE, file, line, column, value, problem)
                : EngineText.of(EngineMessage.DATA_AT_VALUE_HINT, file, line, column, value, problem, hint);
        return new DataFormatException(text, file, line, column, value);
    }

    /** A problem with a whole line (field count, truncation, duplicate key). */
    public static DataFormatException atLine(Path file, long line, EngineText problem) {
        return new DataFormatException(EngineText.of(EngineMessage.DATA_AT_LINE, file, line, problem), file, line, null, null);
    }

    /** A problem with the file as a whole (missing columns, no header). */
    public static DataFormatException inFile(Path file, EngineText problem) {
        return new DataFormatException(EngineText.of(EngineMessage.DATA_IN_FILE, file, problem), file, 0, null, null);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number in the file, 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The column name, or null. */
    public String column() {
        return column;
    }

    /** The offending value as written, or null. */
    public String value() {
        return value;
    }
}
