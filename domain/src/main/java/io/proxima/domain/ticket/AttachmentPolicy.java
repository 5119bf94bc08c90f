package io.proxima.domain.ticket;

import io.proxima.domain.shared.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What may be attached to a ticket message: at most {@value #MAX_FILES} files of at most 5 MB,
 * images, PDF or text. The type is decided from the bytes, never from what the client claims.
 */
public final class AttachmentPolicy {

    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int NAME_MAX = 100;

    private AttachmentPolicy() {
    }

    /** The sniffed content type, or a 422 naming {@code field} when the bytes are not allowed. */
    public static String sniff(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.of(field, "validation.attachment_empty", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ValidationException.of(field, "validation.attachment_size", "is larger than 5 MB", 5);
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(bytes, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || startsWith(bytes, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (bytes.length >= 12 && startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (isText(bytes)) {
            return "text/plain; charset=utf-8";
        }
        throw ValidationException.of(field, "validation.attachment_type", "must be an image (PNG, JPEG, GIF, WebP), a PDF or a text file");
    }

    /** A file name safe for {@code Content-Disposition} and file systems; the extension is kept. */
    public static String safeFileName(String raw) {
        String name = raw == null ? "" : raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String cleaned = sb.toString().replaceAll("^[._]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "attachment";
        }
        if (cleaned.length() > NAME_MAX) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, NAME_MAX - ext.length()) + ext;
        }
        return cleaned;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
