package com.pretadepenser.creditdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officer reads an engine failure in the window's language, and it follows a language switch. */
class UserMessagesTest {
    @TempDir
    Path dir;

    private CreditDeskException missingDataset() {
        return assertThrows(CreditDeskException.class, () -> LocalDataset.open(dir.resolve("nowhere")));
    }

    @Test
    void anEngineFailureReadsInFrenchForAFrenchWindowAndInEnglishAfterTheSwitch() {
        CreditDeskException failure = missingDataset();
        I18n i18n = new I18n(Locale.FRENCH);

        assertEquals(dir.resolve("nowhere") + " n'est pas un jeu de données CreditDesk (pas de manifest.json). "
                + "Importez d'abord un dossier de fichiers CSV Kaggle : creditdesk import --from CSV_FOLDER --to "
                + dir.resolve("nowhere"), UserMessages.of(failure, i18n));

        i18n.setLocale(Locale.ENGLISH);
        assertEquals(failure.getMessage(), UserMessages.of(failure, i18n));
        assertEquals(failure.getMessage(), UserMessages.of(failure));
    }

    @Test
    void aWrappedEngineFailureStillReadsInFrench() {
        CreditDeskException failure = missingDataset();

        String shown = UserMessages.of(new CompletionException(failure.toString(), failure), Locale.FRENCH);

        assertEquals(failure.getLocalizedMessage(Locale.FRENCH), shown);
    }

    @Test
    void outOfMemoryAndCancellationReadInFrench() {
        assertTrue(UserMessages.of(new OutOfMemoryError(), Locale.FRENCH).startsWith("Mémoire épuisée pendant cette tâche : "),
                UserMessages.of(new OutOfMemoryError(), Locale.FRENCH));
        assertTrue(UserMessages.of(new OutOfMemoryError()).startsWith("Out of memory during this task: "));
        assertEquals("Annulé.", UserMessages.of(new CancellationException(), Locale.FRENCH));
        assertEquals("Cancelled.", UserMessages.of(new CancellationException()));
    }
}
