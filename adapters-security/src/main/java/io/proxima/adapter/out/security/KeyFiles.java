package io.proxima.adapter.out.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Key material generated on first start and kept in the data directory (the embedded default).
 * Files are written owner-only (0600, directory 0700) and atomically, so a crash or a second
 * process never leaves a half-written key; if two processes race, the first file wins and both use it.
 */
final class KeyFiles {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private KeyFiles() {
    }

    /** The setting that allows generated keys; off outside the embedded default (simulator on) and tests. */
    static final String GENERATE_SETTING = "proxima.security.generate-missing-keys";

    /**
     * Refuses to go on without a configured key unless generating one is allowed: a key made per
     * instance would keep instances from reading each other's tokens or stored secrets.
     */
    static void requireConfiguredUnlessGenerating(boolean generate, String envVar, String property) {
        if (!generate) {
            throw new IllegalStateException(envVar + " (" + property + ") is not set. Outside the embedded default every "
                    + "instance must share the same key: set " + envVar + ", or set PROXIMA_GENERATE_MISSING_KEYS=true "
                    + "for a single-instance trial (" + GENERATE_SETTING + ")");
        }
    }

    /** The file's text, creating it with {@code generator}'s content when it does not exist. */
    static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                setMode(dir, DIR_MODE);
            }
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            setMode(tmp, FILE_MODE);
            Files.writeString(tmp, generator.get(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file.toAbsolutePath(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file.toAbsolutePath(), e);
        }
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, mode);
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems: rely on the directory's ACLs.
        }
    }
}
