package dev.onair.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class RepositoryRootTest {
    @Test
    void get_fromAModuleFolder_isTheFolderOfTheParentPom() throws IOException {
        assertThat(Files.readString(RepositoryRoot.get().resolve("pom.xml")))
                .contains("<artifactId>onair-parent</artifactId>")
                .contains("<module>test-support</module>");
    }
}
