package io.proxima.adapter.out.mail;

import io.proxima.application.mail.port.out.Mailer;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Sends mail through the Quarkus mailer (SMTP relay configured by {@code quarkus.mailer.*}).
 * Texts come from {@code mail/templates_<lang>.properties}: {@code <template>.subject} and
 * {@code <template>.body} with {@code {name}} placeholders. Sending is asynchronous: the caller
 * never waits for the relay, so response times say nothing about whether a mail went out.
 */
@ApplicationScoped
public class QuarkusMailerAdapter implements Mailer {

    private static final Logger LOG = Logger.getLogger(QuarkusMailerAdapter.class);

    private final ReactiveMailer mailer;
    private final Map<String, Properties> templates = Map.of(
            "en", load("mail/templates_en.properties"),
            "zh", load("mail/templates_zh.properties"));

    @Inject
    public QuarkusMailerAdapter(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(OutgoingMail mail) {
        Properties texts = templates.getOrDefault(mail.language(), templates.get("en"));
        String subject = text(texts, mail.template() + ".subject", mail.params());
        String body = text(texts, mail.template() + ".body", mail.params());
        // A 4xx reply is SMTP's "try again later" (RFC 5321 4.2.1): the relay accepted nothing, so
        // sending again, as every MTA does, cannot duplicate the mail. 5xx and other errors are final.
        mailer.send(Mail.withText(mail.to(), subject, body))
                .onFailure(QuarkusMailerAdapter::transientReply).retry()
                .withBackOff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8)).atMost(3)
                .subscribe().with(
                        ok -> LOG.debugf("mail %s sent", mail.template()),
                        failure -> LOG.warnf("mail %s could not be sent: %s", mail.template(), failure.getMessage()));
    }

    private static final java.util.regex.Pattern TRANSIENT_REPLY = java.util.regex.Pattern.compile("error response: 4\\d\\d\\b");

    /** Whether the relay answered with a transient (4xx) reply. */
    static boolean transientReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && TRANSIENT_REPLY.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    static String text(Properties texts, String key, Map<String, String> params) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no mail text " + key);
        }
        String out = pattern;
        for (Map.Entry<String, String> p : params.entrySet()) {
            out = out.replace("{" + p.getKey() + "}", p.getValue());
        }
        return out;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = QuarkusMailerAdapter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
