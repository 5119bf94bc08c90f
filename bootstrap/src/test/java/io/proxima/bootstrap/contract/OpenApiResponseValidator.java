package io.proxima.bootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A RestAssured filter that checks every response against the served {@code /q/openapi}: the
 * path and method must be documented, the status must be one of the operation's responses (or
 * {@code default} for an error), and a JSON body must satisfy the response's schema, validated
 * by networknt's JSON Schema validator with the OpenAPI 3.1 dialect. A violation fails the
 * request that produced it. Install it with {@link ValidatesOpenApi} on a test class.
 */
public final class OpenApiResponseValidator implements Filter {

    private static final String DOC_IRI = "https://proxima.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Document document;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final List<String> checked = new ArrayList<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getPath().startsWith("/api/") && !uri.getPath().equals("/health")) {
            return response;
        }
        List<String> problems = validate(uri, request.getMethod(), response);
        if (!problems.isEmpty()) {
            throw new AssertionError("Response breaks the OpenAPI contract: " + request.getMethod() + " " + uri.getPath()
                    + " -> " + response.statusCode() + "\n  " + String.join("\n  ", problems)
                    + "\n  body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** "METHOD template status" of every response checked so far. */
    public synchronized List<String> checked() {
        return List.copyOf(checked);
    }

    List<String> validate(URI uri, String method, Response response) {
        Document doc = document(uri);
        String template = doc.match(uri.getPath());
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode op = template == null ? null : doc.root.path("paths").path(template).path(verb);
        if (op == null || op.isMissingNode()) {
            if (response.statusCode() >= 400) {
                // Refused before routing (404, 405, a bad path), as it should be: still the error envelope.
                return check(doc, "/components/schemas/ErrorResponse", response);
            }
            return List.of(template == null ? "path is not in the document"
                    : "method " + verb + " is not documented for " + template);
        }
        String status = String.valueOf(response.statusCode());
        String key = op.path("responses").has(status) ? status
                : response.statusCode() >= 400 && op.path("responses").has("default") ? "default" : null;
        synchronized (this) {
            checked.add(method + " " + template + " " + status);
        }
        if (key == null) {
            return List.of("status " + status + " is not documented (documented: "
                    + iterable(op.path("responses").fieldNames()) + ")");
        }
        JsonNode content = op.path("responses").path(key).path("content");
        String contentType = response.contentType() == null ? "" : response.contentType();
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return content.isMissingNode() || content.isEmpty()
                    ? List.of() : List.of("body is empty but the document promises content");
        }
        if (!contentType.startsWith("application/json")) {
            return List.of();
        }
        if (!content.has("application/json") || !content.path("application/json").has("schema")) {
            return List.of("JSON body but no application/json schema documented for " + key);
        }
        return check(doc, "/paths/" + escape(template) + "/" + verb + "/responses/" + escape(key)
                + "/content/application~1json/schema", response);
    }

    private List<String> check(Document doc, String pointer, Response response) {
        String body = response.asString();
        if (!(response.contentType() == null ? "" : response.contentType()).startsWith("application/json")) {
            return List.of("not a JSON body (" + response.contentType() + ")");
        }
        JsonSchema schema = schemas.computeIfAbsent(pointer,
                p -> doc.factory.getSchema(SchemaLocation.of(DOC_IRI + "#" + p)));
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("body is not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> errors = schema.validate(node);
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.getMessage()));
        return out;
    }

    private Document document(URI any) {
        Document d = document;
        if (d == null) {
            synchronized (this) {
                d = document;
                if (d == null) {
                    d = document = Document.fetch(any.resolve("/q/openapi?format=json"));
                }
            }
        }
        return d;
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The served document, its path templates (literal segments win) and a schema factory over it. */
    static final class Document {
        final JsonNode root;
        final JsonSchemaFactory factory;
        private final List<Map.Entry<String, Pattern>> templates = new ArrayList<>();

        private Document(String text) throws IOException {
            this.root = JSON.readTree(text);
            this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                    .metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                    .schemaLoaders(l -> l.schemas(Map.of(DOC_IRI, text))));
            root.path("paths").fieldNames().forEachRemaining(t -> templates.add(Map.entry(t,
                    Pattern.compile(Pattern.quote(t).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q")))));
            templates.sort(Comparator.comparingInt((Map.Entry<String, Pattern> e) -> e.getKey().split("\\{").length)
                    .thenComparing(e -> -e.getKey().length()));
        }

        static Document fetch(URI uri) {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + r.statusCode());
                }
                return new Document(r.body());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String match(String path) {
            String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            for (Map.Entry<String, Pattern> t : templates) {
                if (t.getValue().matcher(p).matches()) {
                    return t.getKey();
                }
            }
            return null;
        }
    }
}
