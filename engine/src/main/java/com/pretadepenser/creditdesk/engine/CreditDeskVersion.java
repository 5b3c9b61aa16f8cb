package com.pretadepenser.creditdesk.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product's version, defined once in the pom (written into {@code version.properties} by the build). */
public final class CreditDeskVersion {
    private static final String VERSION = read();

    private CreditDeskVersion() {
    }

    /** E.g. {@code 1.0.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = CreditDeskVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
