package io.proxima.adapter.in.rest.common;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Makes {@code /q/openapi} say what the server does, for every resource without per-method
 * annotations (new resources get the same treatment automatically):
 * <ul>
 * <li>the success status: the scanner documents 200 for everything; the real status is the
 *     method's {@link ResponseStatus} (201, 202 ...), so resources that answer otherwise carry
 *     that annotation and this filter moves the typed response to that code;</li>
 * <li>stable unique {@code operationId}s ({@code <resource><Method>}, e.g. {@code vmCreate}),
 *     derived from the {@code PACKAGE_CLASS_METHOD} ids the scanner is configured to produce;</li>
 * <li>the two security schemes (bearer JWT and {@code X-API-Key}), both accepted wherever a role
 *     is needed, and {@code security: []} on anonymous routes;</li>
 * <li>the error envelope on every error status the operation can answer with, and the
 *     rate-limit headers (SPEC section 2) on every {@code /api/} response.</li>
 * </ul>
 */
public class OpenApiContractFilter implements OASFilter {

    static final String ERROR_SCHEMA = "ErrorResponse";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    static final String EMPTY_ENVELOPE_SCHEMA = "EmptyEnvelope";
    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKey";
    /** The name Quarkus gives the scheme it references for {@code @RolesAllowed}. */
    private static final String QUARKUS_SCHEME = "SecurityScheme";
    private static final List<String> RATE_LIMIT_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset");
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("400", "Malformed request (bad JSON, wrong body shape, bad path)"),
            Map.entry("401", "Authentication required or credentials invalid (40101, 40002, 40003)"),
            Map.entry("403", "Authenticated but not allowed (40301), or API key lacks the scope"),
            Map.entry("404", "No such resource, or not the caller's (40401)"),
            Map.entry("409", "Conflict with the current state (40901, 40902)"),
            Map.entry("413", "Request body too large"),
            Map.entry("422", "Validation failed (42201); details lists every invalid field"),
            Map.entry("429", "Rate limited (42901); Retry-After says when to retry"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        declareNullability(openAPI);
        addEnvelopeSchemas(openAPI);
        addSecuritySchemes(openAPI);
        addRateLimitHeaders(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> usedIds = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().getOperations().entrySet()) {
                Operation op = e.getValue();
                if (op.getResponses() == null) {
                    op.setResponses(OASFactory.createAPIResponses());
                }
                Method method = resourceMethod(op.getOperationId(), e.getKey());
                op.setOperationId(operationId(op.getOperationId(), method, e.getKey(), path.getKey(), usedIds));
                applySuccessStatus(op, method);
                boolean secured = applySecurity(op);
                applyErrors(op, e.getKey(), path.getKey(), secured);
                if (path.getKey().startsWith("/api/")) {
                    op.getResponses().getAPIResponses().forEach((code, response) -> {
                        // Sent on every /api/ answer that passed the limiter, errors included.
                        if (code.startsWith("2") || code.startsWith("4")) {
                            RATE_LIMIT_HEADERS.forEach(h -> response.addHeader(h,
                                    OASFactory.createHeader().ref("#/components/headers/" + h)));
                        }
                    });
                }
            }
        }
    }

    // --- success status ---------------------------------------------------------------------

    private static void applySuccessStatus(Operation op, Method method) {
        int status = 200;
        if (method != null && method.isAnnotationPresent(ResponseStatus.class)) {
            status = method.getAnnotation(ResponseStatus.class).value();
        } else if (method != null && method.isAnnotationPresent(SuccessStatus.class)) {
            status = method.getAnnotation(SuccessStatus.class).value();
        }
        APIResponses responses = op.getResponses();
        if (method != null && returnsNoData(method) && responses.hasAPIResponse("200")) {
            responses.getAPIResponse("200").setContent(OASFactory.createContent().addMediaType("application/json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(EMPTY_ENVELOPE_SCHEMA))));
        }
        if (status == 200 || !responses.hasAPIResponse("200")) {
            return;
        }
        String code = String.valueOf(status);
        APIResponse ok = responses.getAPIResponse("200");
        responses.removeAPIResponse("200");
        if (!responses.hasAPIResponse(code)) {
            ok.setDescription(switch (status) {
                case 201 -> "Created";
                case 202 -> "Accepted: the body carries the operation; Location names it";
                case 204 -> "No content";
                default -> ok.getDescription();
            });
            if (status == 204) {
                ok.setContent(null);
            }
            responses.addAPIResponse(code, ok);
        }
    }

    /** {@code ApiResponse<Void>}: the scanner leaves {@code data} untyped; it is always null. */
    private static boolean returnsNoData(Method method) {
        return method.getGenericReturnType() instanceof ParameterizedType p
                && p.getRawType() == ApiResponse.class
                && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] == Void.class;
    }

    // --- operation ids ----------------------------------------------------------------------

    /** The scanner's id is {@code <fully.qualified.Class>_<method>} (PACKAGE_CLASS_METHOD strategy). */
    private static Method resourceMethod(String scannerId, PathItem.HttpMethod http) {
        if (scannerId == null) {
            return null;
        }
        int cut = Math.max(scannerId.lastIndexOf('_'), scannerId.lastIndexOf('.'));
        if (cut < 0) {
            return null;
        }
        String className = scannerId.substring(0, cut);
        String methodName = scannerId.substring(cut + 1);
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Method fallback = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(methodName)) {
                    if (matchesHttp(m, http)) {
                        return m;
                    }
                    fallback = fallback == null ? m : fallback;
                }
            }
        }
        return fallback;
    }

    private static boolean matchesHttp(Method m, PathItem.HttpMethod http) {
        return switch (http) {
            case GET -> m.isAnnotationPresent(GET.class);
            case POST -> m.isAnnotationPresent(POST.class);
            case PUT -> m.isAnnotationPresent(PUT.class);
            case PATCH -> m.isAnnotationPresent(PATCH.class);
            case DELETE -> m.isAnnotationPresent(DELETE.class);
            case HEAD -> m.isAnnotationPresent(HEAD.class);
            case OPTIONS -> m.isAnnotationPresent(OPTIONS.class);
            default -> false;
        };
    }

    private static String operationId(String scannerId, Method method, PathItem.HttpMethod http, String path,
            Set<String> used) {
        String id;
        if (method != null) {
            String stem = method.getDeclaringClass().getSimpleName().replaceFirst("(Resource|Socket)$", "");
            id = decapitalise(stem) + capitalise(method.getName());
        } else if (scannerId != null && scannerId.indexOf('.') < 0 && scannerId.indexOf('_') < 0) {
            id = scannerId; // set explicitly with @Operation(operationId = ...)
        } else {
            id = http.name().toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", " ").trim()
                    .replace(' ', '_');
        }
        String unique = id;
        for (int n = 2; !used.add(unique); n++) {
            unique = id + n;
        }
        return unique;
    }

    private static String decapitalise(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // --- security ---------------------------------------------------------------------------

    private static void addSecuritySchemes(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from POST /api/v1/auth/login: an RS256 JWT (RFC 7519) issued and "
                        + "checked per RFC8725 (fixed algorithm, issuer, expiry); 1 h, renew with /auth/refresh"));
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("API key (Account > API keys); scope `read` for GET, `write` for the rest"));
        if (openAPI.getComponents().getSecuritySchemes() != null) {
            openAPI.getComponents().removeSecurityScheme(QUARKUS_SCHEME);
        }
    }

    /**
     * Rewrites the roles requirement Quarkus derives from {@code @RolesAllowed} into "bearer or
     * API key, with these roles"; an operation with none is anonymous and says so. Returns
     * whether the operation needs credentials.
     */
    private static boolean applySecurity(Operation op) {
        boolean secured = false;
        List<String> roles = new ArrayList<>();
        if (op.getSecurity() != null) {
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() == null) {
                    continue;
                }
                for (Map.Entry<String, List<String>> s : r.getSchemes().entrySet()) {
                    secured = true;
                    if (s.getValue() != null) {
                        s.getValue().stream().filter(x -> !roles.contains(x)).forEach(roles::add);
                    }
                }
            }
        }
        if (!secured) {
            op.setSecurity(new ArrayList<>());
            return false;
        }
        // Scopes are for OAuth schemes; the roles go to x-roles (and the description) instead.
        List<SecurityRequirement> requirements = new ArrayList<>();
        requirements.add(OASFactory.createSecurityRequirement().addScheme(BEARER, new ArrayList<>()));
        requirements.add(OASFactory.createSecurityRequirement().addScheme(API_KEY, new ArrayList<>()));
        op.setSecurity(requirements);
        if (!roles.isEmpty()) {
            op.addExtension("x-roles", new ArrayList<>(roles));
            String note = "Roles: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? note : op.getDescription() + "\n\n" + note);
        }
        return true;
    }

    // --- errors -----------------------------------------------------------------------------

    private static void applyErrors(Operation op, PathItem.HttpMethod http, String path, boolean secured) {
        APIResponses responses = op.getResponses();
        Set<String> codes = new TreeSet<>();
        boolean body = op.getRequestBody() != null;
        boolean pathParams = path.contains("{");
        boolean queryParams = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean mutating = http == PathItem.HttpMethod.POST || http == PathItem.HttpMethod.PUT
                || http == PathItem.HttpMethod.PATCH || http == PathItem.HttpMethod.DELETE;
        codes.add("400");
        if (secured) {
            codes.add("401");
            codes.add("403");
        }
        if (pathParams) {
            codes.add("404");
        }
        if (mutating && (secured || pathParams)) {
            codes.add("409");
        }
        if (body) {
            codes.add("413");
        }
        if (body || queryParams || pathParams) {
            codes.add("422");
        }
        if (path.startsWith("/api/")) {
            codes.add("429");
        }
        // Keep what the scanner or an annotation already declared, adding the envelope.
        responses.getAPIResponses().keySet().stream().filter(c -> c.startsWith("4") || c.startsWith("5"))
                .forEach(codes::add);
        for (String code : codes) {
            APIResponse r = responses.getAPIResponse(code);
            if (r == null) {
                r = OASFactory.createAPIResponse();
                responses.addAPIResponse(code, r);
            }
            if (r.getDescription() == null || r.getDescription().isBlank() || isReasonPhrase(r.getDescription())) {
                r.setDescription(REASONS.getOrDefault(code, "Error"));
            }
            if (r.getContent() == null || r.getContent().getMediaTypes() == null
                    || r.getContent().getMediaTypes().isEmpty()) {
                r.setContent(envelope());
            }
            if (code.equals("429")) {
                r.addHeader("Retry-After", OASFactory.createHeader().description("Seconds until a retry may succeed")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                                .minimum(java.math.BigDecimal.ZERO)));
            }
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("Internal error (50001); quote request_id to support").content(envelope()));
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("Any other error (5xx: 50001 internal, 50201 hypervisor, 50301 unavailable)")
                    .content(envelope()));
        }
    }

    private static boolean isReasonPhrase(String d) {
        return Set.of("Bad Request", "Not Authorized", "Not Allowed", "Unauthorized", "Forbidden", "Not Found")
                .contains(d);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content envelope() {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
    }

    private static void addRateLimitHeaders(OpenAPI openAPI) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("X-RateLimit-Limit", "Requests allowed in the current window");
        text.put("X-RateLimit-Remaining", "Requests left in the current window");
        text.put("X-RateLimit-Reset", "Seconds until the window resets");
        text.forEach((name, description) -> {
            Header h = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int64").minimum(
                            java.math.BigDecimal.ZERO));
            openAPI.getComponents().addHeader(name, h);
        });
    }

    // --- nullability ------------------------------------------------------------------------

    /**
     * Jackson writes absent values as {@code null}, so a property that is not {@code required}
     * may come back null and is declared so ({@code type: [..., "null"]}, or {@code anyOf} with
     * null around a {@code $ref}). A field the server always sends is marked required instead
     * ({@code @Schema(requiredMode = REQUIRED)} or a Bean Validation {@code @NotNull}). The
     * success envelope always carries {@code code} and {@code message}.
     */
    private static void declareNullability(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            Schema schema = e.getValue();
            if (e.getKey().matches("ApiResponse\\d*")) {
                schema.setRequired(List.of("code", "message"));
            }
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
            schema.setProperties(properties);
        }
    }

    private static Schema nullable(Schema p) {
        if (p.getRef() != null) {
            return OASFactory.createSchema().description(p.getDescription())
                    .anyOf(List.of(OASFactory.createSchema().ref(p.getRef()),
                            OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        }
        List<Schema.SchemaType> type = p.getType();
        if (type == null || type.isEmpty() || type.contains(Schema.SchemaType.NULL)) {
            return p;
        }
        List<Schema.SchemaType> withNull = new ArrayList<>(type);
        withNull.add(Schema.SchemaType.NULL);
        p.setType(withNull);
        if (p.getEnumeration() != null && !p.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(p.getEnumeration());
            values.add(null);
            p.setEnumeration(values);
        }
        return p;
    }

    // --- envelope schemas -------------------------------------------------------------------

    private static void addEnvelopeSchemas(OpenAPI openAPI) {
        {
            // Always ours (the record scan would make both fields nullable): both are always sent.
            openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .addProperty("field", string("The offending field, as sent"))
                    .addProperty("message", string("What is wrong with it"))
                    .required(List.of("field", "message")));
        }
        openAPI.getComponents().addSchema(EMPTY_ENVELOPE_SCHEMA, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("Success envelope without data (e.g. after a delete)")
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(200)).maximum(java.math.BigDecimal.valueOf(299)))
                .addProperty("message", string("Human-readable summary"))
                .addProperty("data", OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)))
                .required(List.of("code", "message")));
        {
            // Always ours: the record scan would declare request_id non-nullable.
            openAPI.getComponents().addSchema(ERROR_SCHEMA, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("Error envelope (SPEC section 2)")
                    .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                            .minimum(java.math.BigDecimal.valueOf(40000)).maximum(java.math.BigDecimal.valueOf(59999))
                            .description("Application error code, e.g. 40401, 42201"))
                    .addProperty("message", string("Message in the caller's language (Accept-Language: en, zh)"))
                    .addProperty("details", OASFactory.createSchema()
                            .description("Optional detail; for 42201 the list of every invalid field")
                            .anyOf(List.of(OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                            .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)),
                                    OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))))
                    .addProperty("request_id", OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                            .description("Correlation id, also in the X-Request-Id header"))
                    .required(List.of("code", "message")));
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
