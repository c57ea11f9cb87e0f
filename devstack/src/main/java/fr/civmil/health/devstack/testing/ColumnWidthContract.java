package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * No valid value can overflow a column (issue 11: an activation requested by a {@code DEFENCE_ZONE}, 12 characters,
 * failed on a {@code varchar(10)}). Every enum an entity stores by name fits its column, read from Hibernate's
 * mapping; and every bounded text a request may carry ({@code maxLength} in the served document) fits the column
 * of the same name, read from the database itself.
 */
public abstract class ColumnWidthContract {

    @Test
    void theLongestValidValueOfEveryEnumAndBoundedTextFitsItsColumn() throws Exception {
        Map<String, Integer> widths = columnWidths(ConfigProvider.getConfig());
        List<String> overflows = new ArrayList<>();
        int enums = 0;
        SessionFactoryImplementor hibernate = CDI.current().select(EntityManagerFactory.class).get().unwrap(SessionFactoryImplementor.class);
        List<AttributeMapping> attributes = new ArrayList<>();
        java.util.function.Consumer<AttributeMapping> collect = attributes::add;
        hibernate.getMappingMetamodel().forEachEntityDescriptor(entity -> entity.forEachAttributeMapping(collect));
        for (int i = 0; i < attributes.size(); i++) {
            AttributeMapping attribute = attributes.get(i);
            if (attribute instanceof EmbeddableValuedModelPart embedded) {
                embedded.getEmbeddableTypeDescriptor().forEachAttributeMapping(collect);
            } else if (attribute instanceof BasicValuedModelPart basic && basic.getJavaType().getJavaTypeClass().isEnum()) {
                String column = basic.getContainingTableExpression() + "." + basic.getSelectionExpression();
                Integer width = widths.get(column.toLowerCase(Locale.ROOT));
                int longest = Arrays.stream(basic.getJavaType().getJavaTypeClass().getEnumConstants())
                        .mapToInt(constant -> ((Enum<?>) constant).name().length()).max().orElse(0);
                enums++;
                if (width != null && width < longest) {
                    overflows.add(column + " is varchar(" + width + "); " + basic.getJavaType().getJavaTypeClass().getSimpleName()
                            + " has a " + longest + "-character value");
                }
            }
        }
        Map<String, Integer> bounds = requestBounds();
        widths.forEach((column, width) -> {
            String name = camel(column.substring(column.indexOf('.') + 1));
            Integer bound = bounds.get(name);
            if (bound != null && bound > width) {
                overflows.add(column + " is varchar(" + width + "); the field " + name + " takes up to " + bound + " characters");
            }
        });
        assertTrue(enums > 0, "no enum column found");
        assertEquals(List.of(), overflows);
    }

    /** table.column to varchar width, for the service's own schema. */
    private static Map<String, Integer> columnWidths(Config config) throws Exception {
        Map<String, Integer> widths = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select table_name || '.' || column_name, character_maximum_length"
                        + " from information_schema.columns where table_schema = current_schema() and character_maximum_length is not null"
                        + " and table_name not like 'flyway%'")) {
            while (rows.next()) {
                widths.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getInt(2));
            }
        }
        return widths;
    }

    /** Each request-body field (by its own name and its path joined in camel case) with its longest valid length. */
    private static Map<String, Integer> requestBounds() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenAPI document = new OpenAPIV3Parser().readContents(served, null, options).getOpenAPI();
        Map<String, Integer> bounds = new HashMap<>();
        document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                MediaType json = operation.getRequestBody().getContent().get("application/json");
                if (json != null && json.getSchema() != null) {
                    bounds(json.getSchema(), "", bounds);
                }
            }
        }));
        return bounds;
    }

    private static void bounds(Schema<?> schema, String prefix, Map<String, Integer> bounds) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                Integer bound = property.getMaxLength();
                if (property.getEnum() != null) {
                    bound = property.getEnum().stream().filter(java.util.Objects::nonNull).mapToInt(value -> String.valueOf(value).length())
                            .max().orElse(0);
                }
                if (bound != null) {
                    bounds.merge(name, bound, Math::max);
                    if (!prefix.isEmpty()) {
                        bounds.merge(prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1), bound, Math::max);
                    }
                }
                bounds(property, prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1), bounds);
            });
        }
        if (schema.getItems() != null) {
            bounds(schema.getItems(), prefix, bounds);
        }
    }

    private static String camel(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
