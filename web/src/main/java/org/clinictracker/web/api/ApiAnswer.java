package org.clinictracker.web.api;

import java.util.Map;

/** A successful write: the resource the API answered with, its ETag (the version to send back) and Location. */
public record ApiAnswer(Map<String, Object> body, String etag, String location) {

    public String id() {
        Object id = body == null ? null : body.get("id");
        return id == null ? null : String.valueOf(id);
    }
}
