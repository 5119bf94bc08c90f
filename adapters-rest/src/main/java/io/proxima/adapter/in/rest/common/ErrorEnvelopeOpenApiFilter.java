package io.proxima.adapter.in.rest.common;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation can fail with the error envelope; rather than annotating each method, this
 * filter adds the {@code ErrorResponse} schema once and a {@code default} response to every
 * operation that does not declare one.
 */
public class ErrorEnvelopeOpenApiFilter implements OASFilter {

    static final String ERROR_SCHEMA = "ErrorResponse";
    static final String FIELD_ERROR_SCHEMA = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(FIELD_ERROR_SCHEMA)) {
            openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .addProperty("field", string("The offending field, as sent"))
                    .addProperty("message", string("What is wrong with it")));
        }
        if (schemas == null || !schemas.containsKey(ERROR_SCHEMA)) {
            openAPI.getComponents().addSchema(ERROR_SCHEMA, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("Error envelope (SPEC section 2)")
                    .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                            .description("Application error code, e.g. 40401, 42201"))
                    .addProperty("message", string("Message in the caller's language (Accept-Language: en, zh)"))
                    .addProperty("details", OASFactory.createSchema()
                            .description("Optional detail; for 42201 a list of FieldError")
                            .oneOf(List.of(OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                            .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)),
                                    OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))))
                    .addProperty("request_id", string("Correlation id, also in the X-Request-Id header"))
                    .required(List.of("code", "message")));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation op : item.getOperations().values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                if (responses.getDefaultValue() == null) {
                    responses.setDefaultValue(OASFactory.createAPIResponse()
                            .description("Error in the envelope of SPEC section 2")
                            .content(OASFactory.createContent().addMediaType("application/json",
                                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))));
                }
            }
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
