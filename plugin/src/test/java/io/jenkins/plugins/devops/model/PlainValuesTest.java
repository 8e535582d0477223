package io.jenkins.plugins.devops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainValuesTest {
    @Test
    void copiesNestedMapsListsAndTextIntoPlainSerializableValues() {
        StringBuilder groovyLikeText = new StringBuilder("http://prometheus:9090");
        Map<String, Object> metric = Map.of(
                "name",
                "errors",
                "prometheusUrl",
                groovyLikeText,
                "count",
                5,
                "thresholds",
                List.of(Map.of("max", 0.01)));

        ArrayList<LinkedHashMap<String, Object>> copy = PlainValues.copyMaps(List.of(metric), "analysis");

        assertEquals("http://prometheus:9090", copy.get(0).get("prometheusUrl"));
        assertInstanceOf(String.class, copy.get(0).get("prometheusUrl"));
        assertInstanceOf(ArrayList.class, copy.get(0).get("thresholds"));
        assertInstanceOf(LinkedHashMap.class, ((List<?>) copy.get(0).get("thresholds")).get(0));
        assertEquals(5, copy.get(0).get("count"));
    }

    @Test
    void rejectsLiveObjectsWithTheFieldName() {
        Map<String, Object> smoke = Map.of("url", "http://shop/health", "client", new Object());

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PlainValues.copyMaps(List.of(smoke), "smokeTests"));

        assertEquals(
                "smokeTests.client: expected text, a number, true/false, a list or a map, but got Object",
                e.getMessage());
    }
}
