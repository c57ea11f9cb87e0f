package fr.civmil.health.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.civmil.health.gateway.security.AccessPolicy;

/**
 * docs/security.md's role matrix is the gateway's table, row for row and in order (the first matching row decides).
 * A documentation row that grants nobody anything says what default deny already refuses, and needs no rule.
 */
class RoleMatrixDocTest {

    private static final List<String> COLUMNS = List.of("ars", "ssa", "cnmss", "auditor", "admin");
    private static final Pattern PATH = Pattern.compile("`(/[^`]*)`");

    /** A row as the documentation writes it: "read", "write" or "read and write", a pattern, the roles ticked. */
    private static String row(String methods, String pattern, Set<String> roles) {
        return methods + " " + pattern + " " + new TreeSet<>(roles);
    }

    private static String methods(Set<String> methods) {
        boolean read = methods.contains("GET");
        boolean write = methods.contains("POST");
        assertEquals(read ? Set.of("GET", "HEAD") : Set.of(), intersect(methods, Set.of("GET", "HEAD")), "reads come as GET and HEAD");
        assertEquals(write ? Set.of("POST", "PUT", "PATCH", "DELETE") : Set.of(), intersect(methods, Set.of("POST", "PUT", "PATCH", "DELETE")),
                "writes come as POST, PUT, PATCH and DELETE");
        return read && write ? "read and write" : read ? "read" : "write";
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    @Test
    void theDocumentedRoleMatrixIsTheGatewaysTable() throws Exception {
        List<String> documented = new ArrayList<>();
        String doc = Files.readString(Path.of("../docs/security.md"));
        String section = doc.substring(doc.indexOf("## Role matrix"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        for (String line : section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| methods")).toList()) {
            String[] cells = line.substring(1).split("\\|");
            assertEquals(2 + COLUMNS.size(), cells.length, line);
            Set<String> roles = new TreeSet<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (cells[2 + i].trim().equals("✓")) {
                    roles.add(COLUMNS.get(i));
                }
            }
            if (roles.isEmpty()) {
                continue; // default deny, written down
            }
            Matcher paths = PATH.matcher(cells[1]);
            while (paths.find()) {
                documented.add(row(cells[0].trim(), paths.group(1), roles));
            }
        }
        List<String> table = AccessPolicy.BUILT_IN.stream().map(r -> row(methods(r.methods()), r.pattern(), r.roles())).toList();
        assertTrue(table.size() > 15, table.toString());
        assertEquals(table, documented);
    }
}
