package io.proxima.adapter.in.rest.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.proxima.adapter.in.rest.security.RateLimiter;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become the error envelope of SPEC section 2. Nothing else
 * writes error bodies; no stack trace, SQL or PVE secret ever reaches a client.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** A pool reconnects within seconds of the database coming back. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @Inject
    Messages messages;

    @Inject
    RequestIds requestIds;

    @Inject
    RateLimiter limiter;

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        if (e instanceof ValidationException ve) {
            return validation(ve.fieldErrors().stream()
                    .map(f -> new FieldErrorResponse(f.field(),
                            messages.get(locale, f.messageKey(), f.message(), f.args().toArray())))
                    .toList(), locale);
        }
        ApiErrors.Mapping m = ApiErrors.of(e.code());
        if (m.status() >= 500) {
            LOG.errorf("request %s failed: %s", requestIds.current(), e.getMessage());
        }
        String text = messages.get(locale, e.messageKey(), e.getMessage(), e.args());
        return envelope(m.status(), m.code(), text, e.details());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        boolean ourBug = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        // A response that breaks its own constraints is a server fault, not the client's.
        return ourBug ? unexpected(e) : constraintViolations(e.getConstraintViolations().stream().toList(), locale(headers));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers) {
        return envelope(400, 40000, messages.get(locale(headers), "error.malformed_json", "Malformed JSON body"), null);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return jsonMapping(e, headers);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers) {
        if (e.getProcessor() instanceof JsonGenerator) {
            // Writing our own response failed: a server fault, not the client's input.
            return unexpected(e);
        }
        Locale locale = locale(headers);
        String field = jsonPath(e.getPath());
        if (field.isEmpty()) {
            // The body as a whole has the wrong shape (an array where an object belongs ...).
            return envelope(400, 40000, messages.get(locale, "error.malformed_body", "Request body has the wrong shape"), null);
        }
        String text = e instanceof UnrecognizedPropertyException
                ? messages.get(locale, "validation.unknown_field", "is not a field of this request")
                : String.valueOf(e.getOriginalMessage()).endsWith(StrictJson.NUL_MESSAGE)
                ? messages.get(locale, "validation.text", "contains characters that are not allowed")
                : messages.get(locale, "validation.type_mismatch", "has the wrong type or format");
        return validation(List.of(new FieldErrorResponse(field, text)), locale);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        return envelope(400, 40000, messages.get(locale(headers), "error.malformed_json", "Malformed JSON body"), null);
    }

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, HttpHeaders headers, HttpServerRequest request) {
        return charged(fromCode(ErrorCode.AUTHENTICATION_REQUIRED, headers), request, headers);
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, HttpHeaders headers,
                                              HttpServerRequest request) {
        // The identity provider wraps the precise reason (expired, invalid, out of scope) as the cause.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return charged(domain(d, headers), request, headers);
            }
        }
        return charged(fromCode(ErrorCode.TOKEN_INVALID, headers), request, headers);
    }

    /**
     * A request that failed authentication (no, unknown, wrong or expired credentials) spends one
     * token of its address's {@code auth} budget, the one shared by every instance that also
     * bounds logins: random API keys and forged tokens cannot be tried faster than passwords.
     * Beyond it the answer is 429 with {@code Retry-After}.
     */
    private Uni<Response> charged(Response failure, HttpServerRequest request, HttpHeaders headers) {
        if (failure.getStatus() != 401 || !limiter.enabled() || request == null) {
            return Uni.createFrom().item(failure);
        }
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        return Uni.createFrom().item(() -> limiter.consume(RateLimiter.Category.AUTH, "ip:" + ip))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(d -> {
                    Response.ResponseBuilder b = d.allowed() ? Response.fromResponse(failure)
                            : Response.fromResponse(fromCode(ErrorCode.RATE_LIMITED, headers))
                                    .header("Retry-After", d.retryAfterSeconds());
                    return b.header("X-RateLimit-Limit", d.limit())
                            .header("X-RateLimit-Remaining", d.allowed() ? d.remaining() : 0)
                            .header("X-RateLimit-Reset", d.resetSeconds()).build();
                })
                .onFailure().recoverWithItem(failure);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return fromCode(ErrorCode.FORBIDDEN, headers);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        // Quarkus REST wraps JSON syntax errors of request bodies in a plain 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, headers);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, headers);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            return unexpected(e);
        }
        ApiErrors.Mapping m = ApiErrors.ofStatus(status);
        Response.ResponseBuilder rb = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(m.code(), messages.get(locale(headers), m.messageKey(), m.defaultMessage()),
                        null, requestIds.current()));
        // Keep protocol headers the client needs to recover (Allow on 405, Retry-After on 429 ...).
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> rb.header(name, v));
            }
        });
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) == null && uri != null) {
            Set<String> allowed = allowedMethods.on(uri.getPath());
            if (!allowed.isEmpty()) {
                rb.header(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
        }
        return rb.build();
    }

    /** A request body that cannot be parsed (a broken multipart upload) is the client's 400, not our 500. */
    @ServerExceptionMapper
    public Response io(IOException e, HttpHeaders headers) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || frame.getClassName().equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return envelope(400, 40000, messages.get(locale(headers), "error.malformed_body",
                        "Request body has the wrong shape"), null);
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = requestIds.current();
        if (DatabaseOutage.in(e)) {
            // Readiness already reports DOWN; clients are told to come back rather than shown a bug.
            LOG.warnf("request %s: database unavailable: %s", id, e.getMessage());
            return Response.fromResponse(envelope(503, 50301, "Service temporarily unavailable (request id " + id + ")", null))
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
        }
        java.sql.SQLException sql = sqlCause(e);
        if (sql != null) {
            // A database error's message carries the statement's values (PostgreSQL's "Detail: Key
            // (...)=(...)", "Failing row contains (...)"): customer text. Log its class and state only.
            LOG.errorf("unexpected database failure in request %s: %s, SQLState %s (values withheld)", id,
                    e.getClass().getName(), sql.getSQLState());
            return envelope(500, 50001, "Internal server error (request id " + id + ")", null);
        }
        LOG.errorf(e, "unexpected failure in request %s", id);
        // Internals stay in the log; the client gets the correlation id to quote to support.
        return envelope(500, 50001, "Internal server error (request id " + id + ")", null);
    }

    private static java.sql.SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                return s;
            }
        }
        return null;
    }

    private Response fromCode(ErrorCode code, HttpHeaders headers) {
        ApiErrors.Mapping m = ApiErrors.of(code);
        return envelope(m.status(), m.code(), messages.get(locale(headers), m.messageKey(), m.defaultMessage()), null);
    }

    private Response constraintViolations(List<ConstraintViolation<?>> violations, Locale locale) {
        List<FieldErrorResponse> details = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            details.add(new FieldErrorResponse(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        details.sort(Comparator.comparing(FieldErrorResponse::field).thenComparing(FieldErrorResponse::message));
        return validation(details, locale);
    }

    private Response validation(List<FieldErrorResponse> details, Locale locale) {
        ApiErrors.Mapping m = ApiErrors.of(ErrorCode.VALIDATION_FAILED);
        return envelope(m.status(), m.code(), messages.get(locale, m.messageKey(), m.defaultMessage()), details);
    }

    private Response envelope(int status, int code, String message, Object details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message, details, requestIds.current())).build();
    }

    private static Locale locale(HttpHeaders headers) {
        try {
            return Messages.resolve(headers == null ? null : headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Locale.ENGLISH;
        }
    }

    /** JSON field path of a Jackson failure, e.g. {@code ssh_keys[1]} or {@code config.cores}. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Bean Validation paths look like {@code register.request.sshKeys[0]}: drop the method and
     * parameter nodes when a property follows, and spell properties as the JSON does.
     */
    static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(snake(node.getName()));
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
        }
        if (sb.length() == 0 && parameter != null) {
            return snake(parameter);
        }
        return sb.toString();
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
