package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonMediaTypeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "Application/JSON",
                "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\"",
                "application/json; boundary=x"
            })
    void acceptsJsonInUtf8(String contentType) {
        assertThat(JsonMediaType.accepts(contentType)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "text/plain",
                "application/xml",
                "application/json-patch+json",
                "application/json; charset=iso-8859-1",
                "application/jsonx",
                "multipart/form-data",
                // Found by GeneratedRequestsTest: these once split into no parts at all, and the inbox threw.
                ";",
                ";;",
                " ; "
            })
    void refusesEverythingElse(String contentType) {
        assertThat(JsonMediaType.accepts(contentType)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json; charset=utf8",
                "application/json; CHARSET=UTF8",
                "application/json; charset = utf-8 "
            })
    void acceptsBothSpellingsOfUtf8(String contentType) {
        assertThat(JsonMediaType.accepts(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"application/json; charset", "application/json; charset=", "application/json; charset=\"\""})
    void refusesACharsetParameterWithoutAValue(String contentType) {
        assertThat(JsonMediaType.accepts(contentType)).isFalse();
    }
}
