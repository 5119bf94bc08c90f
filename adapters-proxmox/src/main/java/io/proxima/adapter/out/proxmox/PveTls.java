package io.proxima.adapter.out.proxmox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/** TLS trust helpers: SHA-256 fingerprints in PVE's format and a trust manager that pins one. */
final class PveTls {

    private PveTls() {
    }

    /** {@code AB:CD:...}, 32 upper-case hex bytes: the format of {@code GET /nodes} {@code ssl_fingerprint}. */
    static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            StringBuilder sb = new StringBuilder(95);
            for (byte b : d) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * Trusts exactly the leaf certificate with the pinned fingerprint, as pveproxy does between
     * nodes. Chain and host name are not checked: the pin is stronger than both, and PVE's
     * self-signed node certificates would fail them.
     */
    static final class PinnedTrustManager implements X509TrustManager {

        private final String pinned;

        PinnedTrustManager(String fingerprint) {
            this.pinned = fingerprint.toUpperCase(Locale.ROOT);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the node presented no certificate");
            }
            String actual = sha256Fingerprint(chain[0]);
            if (!actual.equals(pinned)) {
                throw new CertificateException("certificate fingerprint " + actual + " does not match the pinned " + pinned);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
