package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassPreloadTest {

    @Test
    void everyClassOnThePreloadListExistsOnce() throws ClassNotFoundException {
        Set<String> seen = new HashSet<>();
        for (String name : ClassPreload.CLASSES) {
            assertThat(seen.add(name)).as("%s listed twice", name).isTrue();
            Class<?> c = Class.forName("dev.wasmformer.runtime." + name, false, ClassPreload.class.getClassLoader());
            assertThat(c.getName()).isEqualTo("dev.wasmformer.runtime." + name);
        }
        assertThat(seen).contains("model.Model", "model.FastPass", "format.Bundle", "DecodeLoop");
    }
}
