package com.pretadepenser.creditdesk.app.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.form.ChoiceField;
import com.pretadepenser.creditdesk.app.form.EditableField;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded, bounded fuzzing campaign over the new-application form as an officer fills it in: a
 * valid form, then one to three fields typed with what people (and pasted text) put in fields:
 * huge and tiny numbers, {@code 1e999}, NaN, Infinity, signs, thousands separators of both
 * languages, letters, 10,000 characters, control characters, an emptied choice. Every input must
 * end in one of two answers within a second: scored (a probability between 0 and 1, no message),
 * or refused with a message saying what to change; never an exception. {@code
 * -Dcreditdesk.fuzz.inputs=N} and {@code -Dcreditdesk.fuzz.seed=S} run longer or otherwise.
 */
class NewApplicationFuzzTest {
    private static final int INPUTS = Integer.getInteger("creditdesk.fuzz.inputs", 300);
    private static final long SEED = Long.getLong("creditdesk.fuzz.seed", 20261202L);

    private static final List<String> ODD = List.of(
            "", " ", "0", "-0", "-1", "1e999", "-1e999", "1e-999", "NaN", "Infinity", "-Infinity", "9".repeat(400),
            "0x1F", "1 000", "1,000.5", "1.000,5", "180\u00a0000", "12abc", "abc", "\u0000", "\t42\n", "1e6", "1E308",
            "4.9e-324", "+7", "--3", "3-", "½", "٣", "9999999999999999999999", "0.0000000001", "x".repeat(10_000),
            "\uD800", "🙂", "null", "1/2", "100%", "€100");

    @Test
    void everyTypedFormIsScoredOrRefusedWithAMessage() {
        Random random = new Random(SEED);
        int scored = 0;
        int refused = 0;
        for (int input = 0; input < INPUTS; input++) {
            Locale locale = random.nextBoolean() ? Locale.ENGLISH : Locale.FRENCH;
            NewApplicationViewModel model = new NewApplicationViewModel(DemoWorkspace.mainViewModel(locale));
            NewApplicationViewModelTest.fillValid(model);
            StringBuilder typed = new StringBuilder(locale.getLanguage());
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                if (random.nextInt(8) == 0) {
                    ChoiceField choice = model.choices().get(random.nextInt(model.choices().size()));
                    choice.valueProperty().set(null);
                    typed.append(" | ").append(choice.column()).append(" emptied");
                } else {
                    EditableField field = model.numbers().get(random.nextInt(model.numbers().size()));
                    String text = random.nextInt(4) == 0 ? Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(12)))
                            : ODD.get(random.nextInt(ODD.size()));
                    field.textProperty().set(text);
                    typed.append(" | ").append(field.column()).append('=').append(text.length() > 20 ? text.substring(0, 20) + "..." : text);
                }
            }
            String what = typed.toString();
            boolean accepted = assertTimeoutPreemptively(Duration.ofSeconds(1), model::score, what);
            if (accepted) {
                scored++;
                assertNotNull(model.resultProperty().get(), what);
                double p = model.resultProperty().get().probability();
                assertTrue(p >= 0 && p <= 1, what + ": probability " + p);
                assertEquals("", model.formErrorProperty().get(), what);
            } else {
                refused++;
                String message = model.formErrorProperty().get();
                assertFalse(message == null || message.isBlank(), what + ": refused without a message");
            }
        }
        System.out.printf("new-application fuzzing, seed %d: %d inputs, %d scored, %d refused with a message, 0 crashes%n",
                SEED, INPUTS, scored, refused);
        assertTrue(scored > 0 && refused > 0, "the campaign reaches both answers: " + scored + " scored, " + refused + " refused");
    }
}
