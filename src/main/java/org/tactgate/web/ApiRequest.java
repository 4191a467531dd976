package org.tactgate.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The JSON body of an API action: {@code {"reason": "…"}}, and for bulk also {@code action} and {@code ids}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiRequest(String action, List<String> ids, String reason) {
    static final ApiRequest EMPTY = new ApiRequest(null, List.of(), "");

    String reasonText() {
        return reason == null ? "" : reason;
    }

    List<String> idList() {
        return ids == null ? List.of() : ids;
    }
}
