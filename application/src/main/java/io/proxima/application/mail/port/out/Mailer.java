package io.proxima.application.mail.port.out;

/** Sends mail to users. Best effort: a delivery failure is logged by the adapter, never thrown. */
public interface Mailer {

    void send(OutgoingMail mail);
}
