package org.clinictracker.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The images copy the jars the build made: {@code .dockerignore} must leave those in the build context while
 * keeping the rest of {@code target/} (and the run and VCS folders) out of it.
 */
class DockerBuildContextTests {

    @Test
    void the_build_context_holds_each_services_jar_and_not_the_rest_of_target() {
        String dockerfile = Checkout.read("infra/Dockerfile.service");
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);
        assertThat(copy.find()).isTrue();
        String version = single(dockerfile, "(?m)^ARG VERSION=(\\S+)");
        LocalRunner.servicePorts().keySet().forEach(module -> {
            String jar = copy.group(1).replace("${MODULE}", module).replace("${VERSION}", version);
            assertThat(jar).isEqualTo(module + "/target/" + module + "-" + version + ".jar");
            assertThat(sentToDocker(jar)).as(jar).isTrue();
            assertThat(sentToDocker(module + "/target/classes/application.yml")).isFalse();
        });
        assertThat(sentToDocker(".run/services/gateway.log")).isFalse();
        assertThat(sentToDocker("tools/openapi-lint/node_modules/x/index.js")).isFalse();
        assertThat(sentToDocker("keycloak/clinic-realm.json")).isTrue();
    }

    /** Docker's rule: the last pattern that matches the path or one of its folders decides; '!' keeps it in. */
    private static boolean sentToDocker(String file) {
        boolean included = true;
        for (String line : Checkout.read(".dockerignore").lines().toList()) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean keep = pattern.startsWith("!");
            String glob = (keep ? pattern.substring(1) : pattern).replaceAll("/+$", "");
            if (matchesItselfOrAFolder(glob, file)) {
                included = keep;
            }
        }
        return included;
    }

    private static boolean matchesItselfOrAFolder(String glob, String file) {
        List<String> globs = glob.startsWith("**/") ? List.of(glob, glob.substring(3)) : List.of(glob);
        for (String candidate : globs) {
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + candidate);
            for (Path path = Path.of(file); path != null; path = path.getParent()) {
                if (matcher.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
