package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written whole or not at all: into a temporary file beside the target, then moved into
 * place (replacing it). On failure the target is untouched and no temporary file is left. The
 * file-sized counterpart of {@link AtomicFolder}.
 */
public final class AtomicFile {
    /** What fills the temporary file. */
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path out, Content content) {
        Path target = out.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new CreditDeskException(EngineMessage.CANNOT_WRITE_NO_FOLDER, out);
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            content.writeTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_WRITE_NOTHING_WRITTEN, out, e.getMessage());
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // moved into place, or the folder went away
                }
            }
        }
    }
}
